// The question screens as rows (see rows.ts): a task's questions, the review of all of them, the
// review of one answer beside the model answer, and the checklist. Pure, so frames and scrolling can be measured.
import type { TaskResult } from '../../engine/types.js';
import type { Course, Question, TaskLesson } from '../../lessons/types.js';
import {
  ideaTally,
  markPredatesAnswer,
  type QuestionReview,
  reviewQuestions,
  selfMarkWords,
} from '../../progress/answers.js';
import {
  type ChecklistItem,
  checklistItems,
  questionsAnsweredText,
} from '../../progress/checklist.js';
import { formatDate, reviewState } from '../../progress/report.js';
import { selfMarks, type WorkspaceProgress } from '../../progress/types.js';

import type { UiState, View } from '../app/state.js';
import { lessonRows } from '../lesson-text.js';
import { blank, type Row, row, rowText } from '../rows.js';
import { textWidth, truncate, wrapText } from '../text.js';
import { findQuestion } from './reducer.js';

/** Guidance in full, wrapped to the width: a sentence cut off at the edge says nothing. */
function dimRows(text: string, width: number, indent = 0): Row[] {
  return wrapText(text, width, indent).map((line) => row({ text: line, dim: true }));
}

/** One question in a list: its state mark, the prompt cut to the width, then its state. */
function questionRow(review: QuestionReview, selected: boolean, width: number, prefix = ''): Row {
  const answered = review.latest !== undefined;
  const accepted = review.judgement?.accepted ?? false;
  const tally = ideaTally(review);
  const marked = selfMarks.reduce((sum, mark) => sum + tally.marked[mark], 0);
  const state = !answered
    ? 'unanswered'
    : !accepted
      ? 'not accepted'
      : `${tally.matched} matched automatically · ${marked} marked by you`;
  const head = `${selected ? '›' : ' '} ${accepted ? '✓' : answered ? '!' : '○'} `;
  const tail = `  ${state}`;
  const prompt = truncate(
    `${prefix}${review.question.prompt.replace(/\n+/g, ' ')}`,
    Math.max(10, width - head.length - tail.length - 1),
  );
  return row(
    { text: head, color: accepted ? 'green' : answered ? 'yellow' : 'cyan', bold: selected },
    { text: prompt, bold: selected, inverse: false },
    { text: tail, dim: true },
  );
}

/** The questions screen: the task's questions, the selected one's prompt in full. */
export function questionsRows(
  course: Course,
  task: TaskLesson,
  progress: WorkspaceProgress,
  cursor: number,
  width: number,
): Row[] {
  const reviews = reviewQuestions(course.tasks, progress, task.id);
  const rows: Row[] = [
    row({ text: `Questions · ${task.title}`, bold: true }),
    ...dimRows(
      'Answer in your own words. The tutor then shows a model answer and the key ideas, matched automatically and marked by you: a self-check, not a grade.',
      width,
    ),
    blank,
  ];
  reviews.forEach((review, index) => {
    rows.push(questionRow(review, index === cursor, width));
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
        ...dimRows(
          `Last answered ${formatDate(selected.latest.at)} (${reviewState(selected)}).`,
          width,
          2,
        ),
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
  const rows: Row[] = [
    row(
      { text: 'Review your answers', bold: true },
      // The checklist's count: the required questions, the bonus apart.
      { text: `  ${questionsAnsweredText(course, progress)}`, dim: true },
    ),
    blank,
  ];
  reviews.forEach((review, index) => {
    rows.push(questionRow(review, index === cursor, width, `${review.task.id}: `));
  });
  return rows;
}

/** Wide enough to put the model answer beside the student's. */
const sideBySideWidth = 120;

/**
 * The review of the latest answer: the answer and its key ideas (matched automatically, marked by
 * the student), and the model answer, side by side on a wide terminal, one after the other on a
 * narrow one.
 */
export function feedbackRows(
  course: Course,
  question: Question,
  progress: WorkspaceProgress,
  width: number,
): Row[] {
  const review = reviewQuestions(course.tasks, progress).find(
    (entry) => entry.question.id === question.id,
  );
  if (width < sideBySideWidth)
    return [
      ...headerRows(question, width),
      ...answerRows(review, width),
      ...modelRows(question, width),
    ];
  const column = Math.floor((width - 3) / 2);
  const left = answerRows(review, column);
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

/** The model answer as rendered Markdown (plain wrapped text until the renderer is in). */
function modelRows(question: Question, width: number): Row[] {
  return [
    row({ text: 'Model answer', bold: true }),
    ...lessonRows(question.modelAnswer, Math.max(10, width)).map((line) => row(line)),
  ];
}

function answerRows(review: QuestionReview | undefined, width: number): Row[] {
  const latest = review?.latest;
  const rows: Row[] = [
    row({ text: `Your answer${latest ? ` (${formatDate(latest.at)})` : ''}`, bold: true }),
    ...wrapText(latest?.text ?? '(none yet)', width, 2).map((line) => row(line)),
    blank,
  ];
  const judgement = review?.judgement;
  if (review && judgement) {
    if (!judgement.accepted)
      for (const line of wrapText(`Not accepted: ${judgement.reason}`, width, 2))
        rows.push(row({ text: line, color: 'yellow' }));
    // Why some credit was withheld (a denied or hedged idea), when the judge says.
    else if (judgement.reason !== '')
      for (const line of wrapText(judgement.reason, width, 2))
        rows.push(row({ text: line, color: 'yellow' }));
    rows.push(row({ text: 'Key ideas', bold: true }));
    judgement.ideas.forEach((idea, index) => {
      const mark = review.marks[idea.id]?.mark;
      const stale = markPredatesAnswer(review, idea.id) ? ' (on an earlier version)' : '';
      wrapText(idea.label, width - 4).forEach((line, part) => {
        rows.push(
          part === 0
            ? row(
                { text: `${index + 1} `, bold: true },
                { text: idea.matched ? '✓ ' : '○ ', color: idea.matched ? 'green' : 'gray' },
                line,
              )
            : row(`    ${line}`),
        );
      });
      rows.push(
        row(
          {
            text: `    ${idea.matched ? 'matched' : 'not matched'} automatically · `,
            dim: true,
          },
          mark
            ? {
                text: truncate(`marked by you: ${selfMarkWords[mark]}${stale}`, width),
                color: 'cyan',
              }
            : { text: 'not marked by you', dim: true },
        ),
      );
    });
    rows.push(blank);
    rows.push(
      ...dimRows(
        `Press ${judgement.ideas.length > 1 ? `1–${Math.min(9, judgement.ideas.length)}` : '1'} to mark an idea yourself: covered, not covered, disagree.`,
        width,
      ),
      ...dimRows(
        'The matching looks for the ideas, not your wording: a ○ is a prompt to compare, not a mark off.',
        width,
      ),
    );
  }
  rows.push(blank);
  return rows;
}

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
    rows.push(...dimRows(item.detail, width, 4));
  }
  if (run?.error)
    rows.push(
      blank,
      ...wrapText(run.error, width).map((line) => row({ text: line, color: 'red' })),
    );
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
export function questionView(
  state: UiState,
  course: Course,
  width: number,
  /** Rows of the screen (the frame less the footer and a notice). */
  height: number,
  view: View,
): View {
  if (state.screen.screen !== 'feedback') return view;
  const found = findQuestion(course, state.screen.questionId);
  if (!found) return view;
  const rows = feedbackRows(course, found.question, state.progress, width).length;
  const page = Math.max(1, height);
  return { ...view, page, maxScroll: Math.max(0, rows - page) };
}
