// The spinner shown while a check runs.
import { Text } from 'ink';
import InkSpinner from 'ink-spinner';

export default function Spinner() {
  return (
    <Text color="cyan">
      <InkSpinner type="dots" />
    </Text>
  );
}
