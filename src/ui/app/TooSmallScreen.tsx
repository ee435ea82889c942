// Shown instead of any screen while the terminal is smaller than the layouts need.
import { Box, Text } from 'ink';
import type { Size } from './frame.js';

type Props = {
  readonly size: Size;
  readonly minimum: Size;
};

export default function TooSmallScreen({ size, minimum }: Props) {
  return (
    <Box flexDirection="column" flexGrow={1}>
      <Text bold color="yellow" wrap="wrap">
        Please enlarge the terminal.
      </Text>
      <Text wrap="wrap">
        The tutor needs at least {minimum.columns}×{minimum.rows}; this one is {size.columns}×
        {size.rows}.
      </Text>
      <Text dimColor wrap="wrap">
        It redraws as soon as the terminal is big enough. q quits.
      </Text>
    </Box>
  );
}
