// A window onto rendered lesson text (markdown.ts renders it), `height` rows tall.
import { Box, Text } from 'ink';
import { memo } from 'react';

type Props = {
  /** Every row of the rendered text (ANSI colours included). */
  readonly rows: readonly string[];
  /** Index of the first row shown. */
  readonly offset: number;
  /** Rows shown; the window is padded to this height so the screen does not jump. */
  readonly height: number;
};

function Markdown({ rows, offset, height }: Props) {
  const shown = rows.slice(offset, offset + height);
  return (
    <Box flexDirection="column" height={height} flexShrink={0} paddingX={1}>
      {shown.map((line, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a row's identity is its place in the window
        <Text key={index} wrap="truncate-end">
          {line === '' ? ' ' : line}
        </Text>
      ))}
    </Box>
  );
}

// The same rows (markdown.ts keeps them) at the same place are not rendered again when only the
// checks change: a lesson is most of the screen's elements.
export default memo(Markdown);
