// The question screens as rows (see rows.ts): a task's questions, the review of all of them, the
// self-check after submitting, and the checklist. Pure, so frames and scrolling can be measured.
import type { TaskResult } from '../engine/types.js';
import type { Course, Question, TaskLesson } from '../lessons/types.js';
import { latestAnswer, reviewQuestions } from '../progress/answers.js';
import { type ChecklistItem, checklistItems } from '../progress/checklist.js';
import { formatDate, reviewState } from '../progress/report.js';
import type { WorkspaceProgress } from '../progress/types.js';
import { type KeyIdeaReport, matchKeyIdeas } from '../questions/key-ideas.js';
import type { View } from './keymap.js';
import { frameHeight, type Size } from './layout.js';
import { blank, type Row, row, rowText } from './rows.js';
import { findQuestion, type UiState } from './state.js';
import { textWidth, truncate, wrapText } from './text.js';

/** Rows the question screens have for their body: the frame less the footer and a notice. */
export function questionBodyHeight(state: UiState, size: Size): number {
  return Math.max(1, frameHeight(size) - 1 - (state.notice ? 1 : 0));
}

/** One question in a list: its state mark and words, then the prompt cut to the width. */
function questionRow(
  progress: WorkspaceProgress,
  question: Question,
  report: KeyIdeaReport | undefined,
  selected: boolean,
  width: number,
  prefix = '',
): Row {
  const answered = latestAnswer(progress, question.id) !== undefined;
  const state = answered
    ? `key ideas ${report?.covered ?? 0}/${report?.total ?? question.keyIdeas.length}`
    : 'unanswered';
  const head = `${selected ? '›' : ' '} ${answered ? '✓' : '○'} `;
  const tail = `  ${state}`;
  const prompt = truncate(
    `${prefix}${question.prompt.replace(/\n+/g, ' ')}`,
    Math.max(10, width - head.length - tail.length - 1),
  );
  return row(
    { text: head, color: answered ? 'green' : 'cyan', bold: selected },
    { text: prompt, bold: selected, inverse: false },
    { text: tail, dim: true },
  );
}

/** The questions screen: the task's questions, the selected one's prompt in full. */
export function questionsRows(
  task: TaskLesson,
  progress: WorkspaceProgress,
  cursor: number,
  width: number,
): Row[] {
  const reviews = reviewQuestions([task], progress);
  const rows: Row[] = [
    row({ text: `Questions · ${task.title}`, bold: true }),
    row({
      text: truncate(
        'Answer in your own words. The tutor then shows a model answer and which key ideas you covered: a self-check, not a grade.',
        width,
      ),
      dim: true,
    }),
    blank,
  ];
  reviews.forEach((review, index) => {
    rows.push(questionRow(progress, review.question, review.report, index === cursor, width));
  });
  const selected = reviews[cursor];
  if (selected) {
    rows.push(blank);
    for (const line of wrapText(selected.question.prompt, width - 2, 2)) rows.push(row(line));
    if (selected.question.long)
      rows.push(
        row({
          text: '  A derivation: e writes it in your editor (answers/…md), or type it line by line.',
          dim: true,
        }),
      );
    if (selected.latest)
      rows.push(
        row({
          text: `  Last answered ${formatDate(selected.latest.at)} (${reviewState(selected)}).`,
          dim: true,
        }),
      );
  }
  return rows;
}

/** The review screen: every question of the lab with its state. */
export function reviewRows(
  course: Course,
  progress: WorkspaceProgress,
  cursor: number,
  width: number,
): Row[] {
  const reviews = reviewQuestions(course.tasks, progress);
  const answered = reviews.filter((review) => review.latest).length;
  const rows: Row[] = [
    row(
      { text: 'Review your answers', bold: true },
      { text: `  ${answered} of ${reviews.length} answered`, dim: true },
    ),
    blank,
  ];
  reviews.forEach((review, index) => {
    rows.push(
      questionRow(
        progress,
        review.question,
        review.report,
        index === cursor,
        width,
        `${review.task.id}: `,
      ),
    );
  });
  return rows;
}

/** Wide enough to put the model answer beside the student's. */
const sideBySideWidth = 120;

/**
 * The self-check of the latest answer: the answer and the key ideas it covers, and the model
 * answer, side by side on a wide terminal, one after the other on a narrow one.
 */
export function feedbackRows(
  question: Question,
  progress: WorkspaceProgress,
  report: KeyIdeaReport | undefined,
  width: number,
): Row[] {
  if (width < sideBySideWidth)
    return [
      ...headerRows(question, width),
      ...answerRows(question, progress, report, width),
      ...modelRows(question, width),
    ];
  const column = Math.floor((width - 3) / 2);
  const left = answerRows(question, progress, report, column);
  const right = modelRows(question, column);
  const rows: Row[] = headerRows(question, width);
  for (let index = 0; index < Math.max(left.length, right.length); index++) {
    const mine = left[index] ?? blank;
    const pad = ' '.repeat(Math.max(0, column - textWidth(rowText(mine))));
    rows.push([...mine, { text: `${pad} │ `, dim: true }, ...(right[index] ?? blank)]);
  }
  return rows;
}

function headerRows(question: Question, width: number): Row[] {
  return [
    row({ text: 'Self-check, not a grade', bold: true, color: 'magenta' }),
    ...wrapText(question.prompt, width).map((line) => row({ text: line, bold: true })),
    blank,
  ];
}

function modelRows(question: Question, width: number): Row[] {
  return [
    row({ text: 'Model answer', bold: true }),
    ...wrapText(question.modelAnswer, width, 2).map((line) => row(line)),
  ];
}

function answerRows(
  question: Question,
  progress: WorkspaceProgress,
  report: KeyIdeaReport | undefined,
  width: number,
): Row[] {
  const latest = latestAnswer(progress, question.id);
  const rows: Row[] = [
    row({ text: `Your answer${latest ? ` (${formatDate(latest.at)})` : ''}`, bold: true }),
    ...wrapText(latest?.text ?? '(none yet)', width, 2).map((line) => row(line)),
    blank,
  ];
  if (report) {
    rows.push(
      row(
        { text: 'Key ideas your answer covers: ', bold: true },
        {
          text: `${report.covered} of ${report.total}`,
          color: report.covered === report.total ? 'green' : 'yellow',
        },
      ),
    );
    if (report.verdict)
      rows.push(row({ text: `  ${verdictAdvice[report.verdict]}`, color: 'yellow' }));
    for (const idea of report.ideas)
      for (const [index, line] of wrapText(idea.idea, width - 4).entries())
        rows.push(
          index === 0
            ? row(
                { text: `  ${idea.covered ? '✓' : '○'} `, color: idea.covered ? 'green' : 'gray' },
                line,
              )
            : row(`    ${line}`),
        );
    rows.push(blank);
  }
  rows.push(
    row({
      text: truncate(
        'The matching looks for the ideas, not your wording: a ○ is a prompt to compare, not a mark off.',
        width,
      ),
      dim: true,
    }),
  );
  rows.push(blank);
  return rows;
}

const verdictAdvice = {
  empty: 'The answer is empty.',
  'copied-question': 'That reads like the question itself: say it in your own words.',
  'too-short': 'Too short to cover an idea: say why, in a sentence or two.',
  gibberish: 'That does not read as an answer: try a sentence or two in plain words.',
  'word-list': 'That reads as a list of keywords: say what happens and why, in sentences.',
  'copied-text': 'That is copied text: say it in your own words.',
} as const;

/** The checklist screen: each item with ✓, ✗ or … and what it counted. */
export function checklistRows(
  course: Course,
  state: UiState,
  width: number,
): { readonly rows: Row[]; readonly items: ChecklistItem[] } {
  const run = state.checklist;
  const results: Readonly<Record<string, TaskResult>> = run?.results ?? {};
  const items = checklistItems(course, state.progress, results, run?.running ?? true);
  const rows: Row[] = [
    row({ text: 'Submission checklist', bold: true }),
    row({
      text: run?.running
        ? `Checking every task again now (${Object.keys(results).length} of ${course.tasks.length} done)…`
        : 'Checked just now: old results are not trusted.',
      dim: true,
    }),
    blank,
  ];
  for (const item of items) {
    const mark = item.status === 'pass' ? '✓' : item.status === 'fail' ? '✗' : '…';
    const color = item.status === 'pass' ? 'green' : item.status === 'fail' ? 'red' : 'cyan';
    rows.push(row({ text: `${mark} `, color, bold: true }, { text: item.label, bold: true }));
    rows.push(row({ text: truncate(`    ${item.detail}`, width), dim: true }));
  }
  if (run?.error) rows.push(blank, row({ text: truncate(run.error, width), color: 'red' }));
  if (!run?.running && items.every((item) => item.status === 'pass'))
    rows.push(
      blank,
      row({
        text: 'All done. `logreg-tutor export` writes the report to hand in.',
        color: 'green',
      }),
    );
  else if (!run?.running)
    rows.push(
      blank,
      row({ text: '`logreg-tutor export` writes a report of where you are.', dim: true }),
    );
  return { rows, items };
}

/** Scrolling of the feedback screen, for the keymap (other screens keep their view). */
export function questionView(state: UiState, course: Course, size: Size, view: View): View {
  if (state.screen.screen !== 'feedback') return view;
  const found = findQuestion(course, state.screen.questionId);
  if (!found) return view;
  const latest = latestAnswer(state.progress, found.question.id);
  const report = latest ? matchKeyIdeas(found.question, latest.text) : undefined;
  const rows = feedbackRows(found.question, state.progress, report, size.columns).length;
  const page = questionBodyHeight(state, size);
  return { ...view, page, maxScroll: Math.max(0, rows - page) };
}
