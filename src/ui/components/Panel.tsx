// An overlay panel (help, hints, the reference solution): a bordered box with a title and a
// scrollable window of rows.
import { Box, Text } from 'ink';
import type { Row } from '../rows.js';
import Rows from './Rows.js';

type Props = {
  readonly title: string;
  readonly rows: readonly Row[];
  /** Index of the first row shown. */
  readonly offset: number;
  /** Height of the whole panel, border included. */
  readonly height: number;
  readonly width: number;
};

export default function Panel({ title, rows, offset, height, width }: Props) {
  const visible = Math.max(1, height - 3);
  const below = rows.length - offset - visible;
  return (
    <Box
      flexDirection="column"
      borderStyle="round"
      borderColor="cyan"
      height={height}
      width={width}
      paddingX={1}
      flexShrink={0}
    >
      <Text bold color="cyan" wrap="truncate-end">
        {title}
        {offset > 0 || below > 0 ? (
          <Text dimColor>{`  (↑↓ ${below > 0 ? `${below} more` : 'top ↑'})`}</Text>
        ) : null}
      </Text>
      <Rows rows={rows.slice(offset, offset + visible)} />
    </Box>
  );
}
