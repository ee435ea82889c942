// First launch on a workspace: what the lab is, how the loop works, and where the files are.
import { Box } from 'ink';
import Rows from '../components/Rows.js';
import { blank, type Row, row } from '../rows.js';
import { truncate, wrapText } from '../text.js';

type Props = {
  readonly title: string;
  /** Absolute path of the workspace. */
  readonly workspaceDir: string;
  /** Files created in it at this launch. */
  readonly createdFiles: readonly string[];
  readonly firstFile: string | undefined;
  readonly width: number;
};

export default function WelcomeScreen({
  title,
  workspaceDir,
  createdFiles,
  firstFile,
  width,
}: Props) {
  const inner = width - 2;
  const text = (words: string, indent = 0): Row[] =>
    wrapText(words, inner, indent).map((line) => row(line));
  const step = (number: number, words: string): Row[] => text(`${number}. ${words}`, 2);
  const rows: Row[] = [
    row({ text: 'Welcome to logreg-tutor', bold: true, color: 'magenta' }),
    row({ text: title, dim: true }),
    blank,
    ...text(
      'You will implement logistic regression from its math (sigmoid, a stable loss, the gradient, the Hessian, a step of gradient descent) in TypeScript, one small function per task. Hidden checks test each one, including on the extreme inputs that break naive formulas.',
    ),
    blank,
    row({ text: 'How it works', bold: true }),
    ...step(1, 'Open a task from the lesson map and read it.'),
    ...step(
      2,
      `Edit its file in your editor${firstFile ? ` (the first is ${firstFile})` : ''}, or press e on the task to open it.`,
    ),
    ...step(
      3,
      'Save. The checks run at once and the verdict appears here: ✓, or ✗ with what went wrong.',
    ),
    ...text('Each task you pass opens the next one. Your progress is saved as you go.', 2),
    blank,
    row('Your workspace: ', { text: workspaceDir, bold: true }),
  ];
  if (createdFiles.length > 0)
    rows.push(row({ text: truncate(`  created ${createdFiles.join(', ')}`, inner), dim: true }));
  return (
    <Box flexDirection="column" paddingX={1} flexGrow={1}>
      <Rows rows={rows} />
    </Box>
  );
}
