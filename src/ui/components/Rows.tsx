// Draws rows built as data (see rows.ts), one terminal line each, cut at the edge.
import { Box, Text } from 'ink';
import { type Row, rowText } from '../rows.js';

type Props = {
  /** The rows, top to bottom. */
  readonly rows: readonly Row[];
};

export default function Rows({ rows }: Props) {
  return (
    <Box flexDirection="column" flexShrink={0}>
      {rows.map((line, index) => (
        <Text
          // Rows and their segments have no identity beyond their place.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          key={index}
          wrap="truncate-end"
        >
          {
            // A row of empty text would take no line at all (Ink gives an empty Text no
            // height): a blank line of a code block would drop out and pad the end instead.
            rowText(line) === ''
              ? ' '
              : line.map((segment, part) => (
                  <Text
                    // biome-ignore lint/suspicious/noArrayIndexKey: see above
                    key={part}
                    color={segment.color}
                    bold={segment.bold}
                    dimColor={segment.dim}
                    italic={segment.italic}
                    inverse={segment.inverse}
                  >
                    {segment.text}
                  </Text>
                ))
          }
        </Text>
      ))}
    </Box>
  );
}
