// `████████░░░░░░░░ 2 of 7`: how much of the lab is done.
import { Text } from 'ink';

type Props = {
  readonly value: number;
  readonly total: number;
  /** Columns of the bar itself. */
  readonly width: number;
};

export default function ProgressBar({ value, total, width }: Props) {
  const filled = total === 0 ? 0 : Math.round((width * Math.min(value, total)) / total);
  return (
    <Text>
      <Text color="green">{'█'.repeat(filled)}</Text>
      <Text dimColor>{'░'.repeat(width - filled)}</Text>
    </Text>
  );
}
