// What `logreg-tutor answers` and `logreg-tutor export` print: the review of every question, as
// text or JSON, and the Markdown report a student hands in. Pure: the caller runs the checks
// and reads the task files.
// The report names checks and ✓/✗ only: check messages hold the hidden checks' expected values.
import path from 'node:path';
import { statusWords, type TaskResult } from '../engine/types.js';
import { taskVerdict } from '../engine/verdict.js';
import type { Course } from '../lessons/types.js';
import {
  type IdeaTally,
  ideaTally,
  markPredatesAnswer,
  type QuestionReview,
  reviewQuestions,
  selfMarkWords,
} from './answers.js';
import { checklistItems, questionsAnsweredText } from './checklist.js';
import { selfMarks, type WorkspaceProgress } from './types.js';

/** `2026-11-28 15:02 UTC`: dates in the report and the review, the same on every machine. */
export function formatDate(iso: string | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/**
 * One question's state in words: `unanswered`, `not accepted: …`, or `answered`, with how many
 * key ideas were matched automatically and how many the student marked (never a bare score).
 */
export function reviewState(review: QuestionReview): string {
  if (!review.latest || !review.judgement) return 'unanswered';
  if (!review.judgement.accepted) return `not accepted: ${review.judgement.reason}`;
  return `answered; ${tallyWords(ideaTally(review))}`;
}

/** `key ideas matched automatically: 2 of 3; marked by you: 1 covered, 1 not covered`. */
export function tallyWords(tally: IdeaTally): string {
  const marks = selfMarks
    .filter((mark) => tally.marked[mark] > 0)
    .map((mark) => `${tally.marked[mark]} ${selfMarkWords[mark]}`);
  return `key ideas matched automatically: ${tally.matched} of ${tally.total}; marked by you: ${marks.length > 0 ? marks.join(', ') : 'none yet'}`;
}

function capitalised(text: string): string {
  return `${text.slice(0, 1).toUpperCase()}${text.slice(1)}`;
}

/** One idea's line: `✓ matched automatically · marked by you: covered · the idea`. */
export function ideaLine(
  review: QuestionReview,
  idea: { readonly id: string; readonly label: string; readonly matched: boolean },
): string {
  const mark = review.marks[idea.id]?.mark;
  const stale = markPredatesAnswer(review, idea.id) ? ' (on an earlier version)' : '';
  return `${idea.matched ? '✓' : '○'} ${idea.label} (${idea.matched ? 'matched' : 'not matched'} automatically; ${mark ? `marked by you: ${selfMarkWords[mark]}${stale}` : 'not marked by you'})`;
}

/** How `answersText` shows model answers. */
export interface AnswersTextOptions {
  /**
   * The rows of a model answer (Markdown) as the terminal shows it; with it, each question
   * answered is followed by its model answer, as the tutor shows one after an answer.
   */
  readonly modelAnswerRows?: (markdown: string) => readonly string[];
}

/** The review as text for a terminal: one block per question, in lesson order. */
export function answersText(
  course: Course,
  progress: WorkspaceProgress,
  options: AnswersTextOptions = {},
): string {
  const reviews = reviewQuestions(course.tasks, progress);
  const lines = [`${questionsAnsweredText(course, progress)}.`];
  for (const review of reviews) {
    const mark = review.judgement?.accepted ? '✓' : review.latest ? '!' : '○';
    lines.push('');
    lines.push(`${mark} ${review.task.id} · ${review.question.id}: ${reviewState(review)}`);
    lines.push(`  Q: ${review.question.prompt.replace(/\n+/g, ' ')}`);
    if (review.latest) {
      lines.push(`  Your answer (${formatDate(review.latest.at)}, version ${review.versions}):`);
      for (const line of review.latest.text.split('\n')) lines.push(`    ${line}`);
      for (const idea of review.judgement?.ideas ?? []) lines.push(`  ${ideaLine(review, idea)}`);
      // Shown, as in the tutor, only once the student has answered in their own words.
      if (options.modelAnswerRows && review.judgement?.accepted) {
        lines.push('  Model answer:');
        for (const row of options.modelAnswerRows(review.question.modelAnswer))
          lines.push(row === '' ? '' : `    ${row}`);
      }
    }
  }
  lines.push('');
  lines.push(
    'Key ideas are a self-check, not a grade: matched automatically by the tutor, and marked by you in the tutor (1–9 on an answer).',
  );
  if (options.modelAnswerRows)
    lines.push('A model answer is shown once you have answered its question.');
  return `${lines.join('\n')}\n`;
}

/** The review as one JSON value (`answers --json`). */
export function answersJson(course: Course, progress: WorkspaceProgress, workspace: string) {
  return {
    workspace,
    questions: reviewQuestions(course.tasks, progress).map((review) => ({
      id: review.question.id,
      task: review.task.id,
      prompt: review.question.prompt,
      state: review.latest ? 'answered' : 'unanswered',
      answer: review.latest?.text ?? null,
      submittedAt: review.latest?.at ?? null,
      versions: progress.answers?.[review.question.id] ?? [],
      accepted: review.judgement?.accepted ?? null,
      reason: review.judgement?.reason ?? null,
      keyIdeas: review.judgement
        ? {
            covered: ideaTally(review).matched,
            total: review.question.keyIdeas.length,
            // As before the judge: present only for a text that is not an answer.
            ...(review.rejection ? { verdict: review.rejection } : {}),
            ideas: review.judgement.ideas.map((idea) => ({
              id: idea.id,
              idea: idea.label,
              covered: idea.matched,
              selfMark: review.marks[idea.id]?.mark ?? null,
            })),
          }
        : null,
      selfMarks: Object.fromEntries(
        Object.entries(review.marks).map(([id, mark]) => [id, { mark: mark.mark, at: mark.at }]),
      ),
    })),
  };
}

/** A task file for the report: its text, or why it was not read. */
export type TaskCode = { readonly file: string } & (
  | { readonly text: string }
  | { readonly unread: string }
);

/** What the report is built from. */
export interface ReportInput {
  readonly course: Course;
  readonly progress: WorkspaceProgress;
  /** Fresh results of every task, by task id. */
  readonly results: Readonly<Record<string, TaskResult>>;
  /** The workspace; the report names it by its folder name only (it is handed to others). */
  readonly workspaceDir: string;
  /** The student's task files, appended to the report when given (`export --with-code`). */
  readonly code?: readonly TaskCode[];
  readonly version: string;
  /** When the report was made (ISO). */
  readonly now: string;
}

/** The submission report, in Markdown. */
export function buildReport(input: ReportInput): string {
  const { course, progress, results } = input;
  const out: string[] = [];
  out.push(`# ${course.title}: submission report`, '');
  out.push(`- Generated: ${formatDate(input.now)}`);
  out.push(`- Tool: logreg-tutor ${input.version}`);
  out.push(`- Workspace: \`${path.basename(input.workspaceDir)}\``, '');
  out.push('## Checklist', '');
  for (const item of checklistItems(course, progress, results, false))
    out.push(`- [${item.status === 'pass' ? 'x' : ' '}] ${item.label} (${item.detail})`);
  out.push('');
  out.push(
    'Key ideas below are a self-check, not a grade: "matched automatically" is the tutor matching each answer against the ideas a complete answer covers; "marked by you" is the student\'s own judgement of their answer.',
  );
  const reviews = reviewQuestions(course.tasks, progress);
  course.tasks.forEach((task, index) => {
    const result = results[task.id];
    const record = progress.tasks[task.id];
    const verdict = !result
      ? 'not checked'
      : result.status === 'pass'
        ? 'passes'
        : result.notImplemented
          ? 'not started'
          : statusWords[result.status];
    out.push('', `## ${index + 1}. ${task.title}${task.bonus ? ' (bonus)' : ''}`, '');
    out.push(`\`${task.file}\`: ${verdict}. First passed: ${formatDate(record?.firstPassedAt)}.`);
    if (result && result.checks.length > 0) {
      out.push('');
      // The checks in the verdict's order, names and marks only (messages hold hidden values).
      for (const check of taskVerdict(result).checks)
        out.push(
          `- ${check.mark === '✓' ? '✓' : '✗'} ${check.name}${check.mark === '·' ? ' (not run)' : ''}`,
        );
    }
    for (const review of reviews.filter((entry) => entry.task === task)) {
      out.push('', `### ${review.question.prompt.replace(/\n+/g, ' ')}`, '');
      if (!review.latest || !review.judgement) {
        out.push('_Not answered yet._');
        continue;
      }
      out.push(
        `Answered ${formatDate(review.latest.at)}${review.versions > 1 ? ` (version ${review.versions})` : ''}:`,
        '',
      );
      out.push(...review.latest.text.split('\n').map((line) => `> ${line}`.trimEnd()));
      if (!review.judgement.accepted)
        out.push('', `Not accepted as an answer: ${review.judgement.reason}`);
      out.push('', `${capitalised(tallyWords(ideaTally(review)))}:`, '');
      for (const idea of review.judgement.ideas) out.push(`- ${ideaLine(review, idea)}`);
    }
  });
  if (input.code) out.push('', ...codeSection(input.code));
  return `${out.join('\n')}\n`;
}

/** `## Your code`: each task file under its name, fenced so that nothing in it ends the fence. */
function codeSection(code: readonly TaskCode[]): string[] {
  const out = ['## Your code'];
  for (const entry of code) {
    out.push('', `### \`${entry.file}\``, '');
    if ('unread' in entry) {
      out.push(`_Not included: ${entry.unread}_`);
      continue;
    }
    const longestRun = Math.max(0, ...(entry.text.match(/`+/g) ?? []).map((run) => run.length));
    const fence = '`'.repeat(Math.max(3, longestRun + 1));
    out.push(`${fence}ts`, entry.text.replace(/\n$/, ''), fence);
  }
  return out;
}
