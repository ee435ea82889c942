// The keys that work here, from the keymap: `r recheck  h hint  …`, wrapped to two lines at most.
import { Box, Text } from 'ink';
import { separator } from './footer-lines.js';

type Props = {
  /** Lines of items such as `r recheck` (the key, a space, what it does): see footer-lines.ts. */
  readonly lines: readonly (readonly string[])[];
};

export default function Footer({ lines }: Props) {
  return (
    <Box flexShrink={0} flexDirection="column">
      {lines.map((line) => (
        <FooterLine key={line.join(separator)} items={line} />
      ))}
    </Box>
  );
}

function FooterLine({ items }: { readonly items: readonly string[] }) {
  return (
    <Box flexShrink={0}>
      <Text wrap="truncate-end">
        {items.map((item, index) => {
          const space = item.indexOf(' ');
          return (
            <Text key={item}>
              {index > 0 ? separator : ''}
              <Text bold color="cyan">
                {space > 0 ? item.slice(0, space) : item}
              </Text>
              <Text dimColor>{space > 0 ? item.slice(space) : ''}</Text>
            </Text>
          );
        })}
      </Text>
    </Box>
  );
}
