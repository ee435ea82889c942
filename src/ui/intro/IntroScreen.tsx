// Section 0: the synthetic datasets (shape, class balance, how they were made) and the lesson.
import { Box, Text } from 'ink';
import type { IntroLesson } from '../../lessons/types.js';
import Markdown from '../components/Markdown.js';
import Rows from '../components/Rows.js';
import Rule from '../components/Rule.js';
import type { IntroLayout } from './layout.js';

type Props = {
  readonly lesson: IntroLesson;
  readonly layout: IntroLayout;
  readonly width: number;
};

export default function IntroScreen({ lesson, layout, width }: Props) {
  const below = layout.text.length - layout.scroll - layout.textHeight;
  return (
    <Box flexDirection="column" flexGrow={1}>
      <Text wrap="truncate-end">
        <Text bold>{lesson.title}</Text>
        <Text dimColor> · section 0 · reading, nothing to write</Text>
      </Text>
      <Box paddingX={1} flexShrink={0}>
        <Rows rows={layout.datasets} />
      </Box>
      <Rule width={width} />
      <Markdown rows={layout.text} offset={layout.scroll} height={layout.textHeight} />
      <Rule
        width={width}
        note={below > 0 ? `↓ ${below} more rows` : layout.scroll > 0 ? 'end' : undefined}
      />
    </Box>
  );
}
