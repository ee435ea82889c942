// The self-check after submitting, and the review's view of one answer: the answer, the key
// ideas it covers (✓/○), and the model answer. Labelled as a self-check, never a grade.
import { Box } from 'ink';
import { useMemo } from 'react';
import type { Question } from '../../lessons/types.js';
import { latestAnswer } from '../../progress/answers.js';
import type { WorkspaceProgress } from '../../progress/types.js';
import { matchKeyIdeas } from '../../questions/key-ideas.js';
import Rows from '../components/Rows.js';
import { feedbackRows } from '../question-layout.js';

type Props = {
  readonly question: Question;
  readonly progress: WorkspaceProgress;
  /** First row shown. */
  readonly scroll: number;
  readonly height: number;
  readonly width: number;
};

export default function FeedbackScreen({ question, progress, scroll, height, width }: Props) {
  const text = latestAnswer(progress, question.id)?.text;
  const report = useMemo(
    () => (text === undefined ? undefined : matchKeyIdeas(question, text)),
    [question, text],
  );
  const rows = feedbackRows(question, progress, report, width);
  const offset = Math.min(scroll, Math.max(0, rows.length - height));
  return (
    <Box flexDirection="column" flexGrow={1}>
      <Rows rows={rows.slice(offset, offset + height)} />
    </Box>
  );
}
