// What `logreg-tutor answers` and `logreg-tutor export` print: the review of every question, as
// text or JSON, and the Markdown report a student hands in. Pure: the caller runs the checks.
// The report names checks and ✓/✗ only: check messages hold the hidden checks' expected values.
import { statusWords, type TaskResult } from '../engine/types.js';
import type { Course } from '../lessons/types.js';
import { type QuestionReview, reviewQuestions } from './answers.js';
import { checklistItems } from './checklist.js';
import type { WorkspaceProgress } from './types.js';

/** `2026-11-28 15:02 UTC`: dates in the report and the review, the same on every machine. */
export function formatDate(iso: string | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** One question's state in words: `unanswered`, or `answered, key ideas 2/3`. */
export function reviewState(review: QuestionReview): string {
  if (!review.latest || !review.report) return 'unanswered';
  if (review.report.verdict !== undefined)
    return `answered (${verdictWords[review.report.verdict]}), key ideas 0/${review.report.total}`;
  return `answered, key ideas ${review.report.covered}/${review.report.total}`;
}

const verdictWords = {
  empty: 'empty',
  'copied-question': 'copies the question',
  'too-short': 'too short to judge',
  gibberish: 'not recognisable as an answer',
  'word-list': 'a list of keywords',
  'copied-text': 'copied text',
} as const;

/** The review as text for a terminal: one block per question, in lesson order. */
export function answersText(course: Course, progress: WorkspaceProgress): string {
  const reviews = reviewQuestions(course.tasks, progress);
  const answered = reviews.filter((review) => review.latest).length;
  const lines = [`${answered} of ${reviews.length} questions answered.`];
  for (const review of reviews) {
    const mark = review.latest ? '✓' : '○';
    lines.push('');
    lines.push(`${mark} ${review.task.id} · ${review.question.id}: ${reviewState(review)}`);
    lines.push(`  Q: ${review.question.prompt.replace(/\n+/g, ' ')}`);
    if (review.latest) {
      lines.push(`  Your answer (${formatDate(review.latest.at)}, version ${review.versions}):`);
      for (const line of review.latest.text.split('\n')) lines.push(`    ${line}`);
      for (const idea of review.report?.ideas ?? [])
        lines.push(`  ${idea.covered ? '✓' : '○'} ${idea.idea}`);
    }
  }
  lines.push('');
  lines.push('Key ideas are a self-check for you, not a grade.');
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
      keyIdeas: review.report
        ? {
            covered: review.report.covered,
            total: review.report.total,
            ...(review.report.verdict ? { verdict: review.report.verdict } : {}),
            ideas: review.report.ideas,
          }
        : null,
    })),
  };
}

/** What the report is built from. */
export interface ReportInput {
  readonly course: Course;
  readonly progress: WorkspaceProgress;
  /** Fresh results of every task, by task id. */
  readonly results: Readonly<Record<string, TaskResult>>;
  readonly workspaceDir: string;
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
  out.push(`- Workspace: \`${input.workspaceDir}\``, '');
  out.push('## Checklist', '');
  for (const item of checklistItems(course, progress, results, false))
    out.push(`- [${item.status === 'pass' ? 'x' : ' '}] ${item.label} (${item.detail})`);
  out.push('');
  out.push(
    'Key ideas below are a self-check: the tutor matched each answer against the ideas a complete answer covers. They are not a grade.',
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
      for (const check of result.checks)
        out.push(`- ${check.passed ? '✓' : '✗'} ${check.name}${check.skipped ? ' (not run)' : ''}`);
    }
    for (const review of reviews.filter((entry) => entry.task === task)) {
      out.push('', `### ${review.question.prompt.replace(/\n+/g, ' ')}`, '');
      if (!review.latest || !review.report) {
        out.push('_Not answered yet._');
        continue;
      }
      out.push(
        `Answered ${formatDate(review.latest.at)}${review.versions > 1 ? ` (version ${review.versions})` : ''}:`,
        '',
      );
      out.push(...review.latest.text.split('\n').map((line) => `> ${line}`.trimEnd()));
      out.push('', `Key ideas covered: ${review.report.covered} of ${review.report.total}`);
      for (const idea of review.report.ideas)
        out.push(`- ${idea.covered ? '✓' : '○'} ${idea.idea}`);
    }
  });
  return `${out.join('\n')}\n`;
}
