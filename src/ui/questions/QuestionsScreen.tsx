// A task's questions (`a` on the task screen): each with its state, the selected one in full.
import { Box } from 'ink';
import type { Course, TaskLesson } from '../../lessons/types.js';
import type { WorkspaceProgress } from '../../progress/types.js';
import Rows from '../components/Rows.js';
import { questionsRows } from './rows.js';

type Props = {
  readonly course: Course;
  readonly task: TaskLesson;
  readonly progress: WorkspaceProgress;
  /** Index of the selected question. */
  readonly cursor: number;
  readonly width: number;
};

export default function QuestionsScreen({ course, task, progress, cursor, width }: Props) {
  return (
    <Box flexDirection="column" flexGrow={1}>
      <Rows rows={questionsRows(course, task, progress, cursor, width)} />
    </Box>
  );
}
