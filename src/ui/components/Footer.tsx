// The keys that work here, from the keymap: `r recheck  h hint  …`.
import { Box, Text } from 'ink';

type Props = {
  /** Items such as `r recheck`: the key, a space, what it does. */
  readonly items: readonly string[];
};

export default function Footer({ items }: Props) {
  return (
    <Box flexShrink={0}>
      <Text wrap="truncate-end">
        {items.map((item, index) => {
          const space = item.indexOf(' ');
          return (
            <Text key={item}>
              {index > 0 ? '  ' : ''}
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
