// The keys that work here, from the keymap: `r recheck  h hint  …`, fitted to one line.
import { Box, Text } from 'ink';

type Props = {
  /** Items such as `r recheck`: the key, a space, what it does. */
  readonly items: readonly string[];
  /** Columns available. */
  readonly width: number;
};

const separator = '  ';
/** Always shown: whatever else is dropped, `?` lists it. */
const kept = new Set(['? help', 'q quit']);

/**
 * The items that fit in `width` columns: when they do not all fit, items are dropped from the
 * end of the list (the least used come last), keeping `? help` and `q quit`.
 */
export function fitFooter(items: readonly string[], width: number): string[] {
  const shown = [...items];
  const length = () =>
    shown.reduce((sum, item) => sum + [...item].length, 0) +
    separator.length * Math.max(0, shown.length - 1);
  for (let index = shown.length - 1; index >= 0 && length() > width; index--) {
    const item = shown[index];
    if (item !== undefined && !kept.has(item)) shown.splice(index, 1);
  }
  return shown;
}

export default function Footer({ items, width }: Props) {
  return (
    <Box flexShrink={0}>
      <Text wrap="truncate-end">
        {fitFooter(items, width).map((item, index) => {
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
