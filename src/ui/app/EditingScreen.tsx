// Shown while the student's editor has the terminal (for an editor in its own window, this
// is what stays on screen until it closes).
import { Box, Text } from 'ink';

type Props = {
  /** The workspace file being edited. */
  readonly file: string;
};

export default function EditingScreen({ file }: Props) {
  return (
    <Box flexDirection="column" paddingX={1} flexGrow={1}>
      <Text bold>Editing {file} in your editor…</Text>
      <Text dimColor>Save and close the editor to come back: the file is checked then.</Text>
    </Box>
  );
}
