// A horizontal rule across the screen, with an optional note at its right end.
import { Text } from 'ink';
import { textWidth } from '../text.js';

type Props = {
  readonly width: number;
  /** Short text set into the rule, e.g. the scroll position. */
  readonly note?: string;
};

export default function Rule({ width, note }: Props) {
  if (!note) return <Text dimColor>{'─'.repeat(width)}</Text>;
  const label = ` ${note} `;
  const left = Math.max(2, width - textWidth(label) - 2);
  return (
    <Text dimColor wrap="truncate-end">
      {'─'.repeat(left)}
      {label}
      {'─'.repeat(Math.max(0, width - left - textWidth(label)))}
    </Text>
  );
}
