// The submission checklist (`c` on the map), live: every task is checked again on opening.
import { Box } from 'ink';
import type { Course } from '../../lessons/types.js';
import type { UiState } from '../app/state.js';
import Rows from '../components/Rows.js';
import { checklistRows } from './rows.js';

type Props = {
  readonly course: Course;
  readonly state: UiState;
  readonly width: number;
};

export default function ChecklistScreen({ course, state, width }: Props) {
  return (
    <Box flexDirection="column" flexGrow={1}>
      <Rows rows={checklistRows(course, state, width).rows} />
    </Box>
  );
}
