// The floor under the tutor's first frame: Ink drawing one bordered line and nothing else,
// bundled as the tutor is (one minified ES module, Ink's own Yoga loading) and started with
// Node's compile cache on. The bench times it beside the tutor, in the same pane and run.
import { Box, render, Text } from 'ink';

render(
  <Box borderStyle="round" paddingX={1}>
    <Text>0 of 8 tasks passed</Text>
  </Box>,
);
