// Every question of the lab (`v` on the map): answered or not, and the key ideas covered.
import { Box } from 'ink';
import type { Course } from '../../lessons/types.js';
import type { WorkspaceProgress } from '../../progress/types.js';
import Rows from '../components/Rows.js';
import { reviewRows } from './rows.js';

type Props = {
  readonly course: Course;
  readonly progress: WorkspaceProgress;
  /** Index of the selected question, in lesson order. */
  readonly cursor: number;
  readonly width: number;
  /** Rows available: a long list scrolls to keep the selection in view. */
  readonly height: number;
};

export default function ReviewScreen({ course, progress, cursor, width, height }: Props) {
  const rows = reviewRows(course, progress, cursor, width);
  // Two header rows, then one row per question.
  const offset = Math.max(0, Math.min(cursor + 2 - height + 1, rows.length - height));
  return (
    <Box flexDirection="column" flexGrow={1}>
      <Rows rows={rows.slice(offset, offset + height)} />
    </Box>
  );
}
