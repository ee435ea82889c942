// The review of one answer: the answer, its key ideas (matched automatically, and marked by the
// student with 1–9), and the model answer. Labelled as a self-check, never a grade.
import { Box } from 'ink';
import type { Course, Question } from '../../lessons/types.js';
import type { WorkspaceProgress } from '../../progress/types.js';
import Rows from '../components/Rows.js';
import { feedbackRows } from './rows.js';

type Props = {
  readonly course: Course;
  readonly question: Question;
  readonly progress: WorkspaceProgress;
  /** First row shown. */
  readonly scroll: number;
  readonly height: number;
  readonly width: number;
};

export default function FeedbackScreen({
  course,
  question,
  progress,
  scroll,
  height,
  width,
}: Props) {
  const rows = feedbackRows(course, question, progress, width);
  const offset = Math.min(scroll, Math.max(0, rows.length - height));
  return (
    <Box flexDirection="column" flexGrow={1}>
      <Rows rows={rows.slice(offset, offset + height)} />
    </Box>
  );
}
