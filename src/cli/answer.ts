// `logreg-tutor answer QUESTION-ID [FILE|-] [--json]`: records an answer from a file, standard
// input or the workspace's answers/ID.md exactly as the TUI does (the same gate, matching and
// storage), then prints the key ideas matched and the model answer, or one JSON document.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Course, Question, TaskLesson } from '../lessons/types.js';
import { answerFilePath, answerFromFile } from '../progress/answer-files.js';
import { recordAnswer, syncAnswerFiles } from '../progress/answer-record.js';
import { findCourseQuestion } from '../progress/answers.js';
import type { ProgressStore } from '../progress/types.js';
import { print, printNotice, stdoutColored, stdoutColumns } from './output.js';
import { type JsonOptions, openCourse, openWorkspace, UsageError } from './services.js';

/** `answer QUESTION-ID [FILE|-]`: finds the question and the workspace, runs `answerCommand`. */
export async function answer(
  questionId: string,
  source: string | undefined,
  options: JsonOptions,
): Promise<number> {
  const course = await openCourse();
  const found = findCourseQuestion(course.tasks, questionId.trim());
  if (!found) throw new UsageError(unknownQuestion(course, questionId));
  const { dir, progress } = await openWorkspace(course, options);
  const { renderMarkdown } = await import('../terminal/markdown.js');
  // Indented by two under its heading.
  const width = Math.max(20, stdoutColumns() - 2);
  const result = await answerCommand({
    course,
    ...found,
    dir,
    store: progress,
    source,
    json: options.json === true,
    readStdin: async () => {
      let text = '';
      for await (const chunk of process.stdin.setEncoding('utf8')) text += chunk;
      return text;
    },
    modelAnswerRows: (markdown) => renderMarkdown(markdown, width, stdoutColored()),
  });
  if ('usage' in result) throw new UsageError(result.usage);
  for (const notice of result.notices) printNotice(notice);
  print(result.stdout);
  return result.exitCode;
}

/** The message for a question id the course does not have, listing the ones it has. */
export function unknownQuestion(course: Course, id: string): string {
  const ids = course.tasks.flatMap((task) => task.questions.map((question) => question.id));
  return `Unknown question \`${id}\`. Questions: ${ids.join(', ')}.`;
}

/** What the command needs. */
export interface AnswerCommandInput {
  readonly course: Course;
  readonly task: TaskLesson;
  readonly question: Question;
  /** Absolute path of the workspace. */
  readonly dir: string;
  readonly store: ProgressStore;
  /** FILE, `-` for standard input, or undefined for the workspace's answers/ID.md. */
  readonly source: string | undefined;
  readonly json: boolean;
  /** Reads all of standard input. */
  readonly readStdin: () => Promise<string>;
  /** The model answer's rows as the terminal shows them (its Markdown rendered). */
  readonly modelAnswerRows: (markdown: string) => readonly string[];
}

/** What the command prints, and its exit code; `usage` is a usage error (exit code 2). */
export type AnswerCommandResult =
  | {
      readonly exitCode: 0 | 1;
      readonly stdout: string;
      /** One line each, for standard error: answer files the opening brought together. */
      readonly notices: readonly string[];
    }
  | { readonly usage: string };

/** Runs the command; every failure to read the answer is a usage error that says what to give. */
export async function answerCommand(input: AnswerCommandInput): Promise<AnswerCommandResult> {
  const { course, task, question, dir, store } = input;
  const read = await readSource(input);
  if ('usage' in read) return read;
  const place = { course, store, dir };
  // As the TUI does on opening: answers kept only in the store are written out first, and a file
  // the student edited is taken into account.
  const sync = await syncAnswerFiles(place);
  const recorded = await recordAnswer(place, question, read.text);
  const { judgement } = recorded;
  const notices = [...sync.notices, ...(recorded.fileError ? [recorded.fileError] : [])];
  if (input.json) {
    const document = {
      question: question.id,
      task: task.id,
      accepted: judgement.accepted,
      reason: judgement.reason,
      ideas: judgement.ideas.map((idea) => ({
        id: idea.id,
        label: idea.label,
        matched: idea.matched,
      })),
    };
    return {
      exitCode: judgement.accepted ? 0 : 1,
      stdout: JSON.stringify(document, null, 2),
      notices,
    };
  }
  const lines: string[] = [];
  if (!judgement.accepted) {
    lines.push(`Not recorded: ${judgement.reason}`);
    lines.push(
      `Nothing was saved for ${question.id}. Revise your text and run \`logreg-tutor answer ${question.id}\` again.`,
    );
    return { exitCode: 1, stdout: lines.join('\n'), notices };
  }
  lines.push(
    `Recorded your answer to ${question.id} (${task.id})${recorded.fileError ? '' : `, saved as ${answerFilePath(question.id)} in the workspace`}.`,
  );
  if (judgement.reason !== '') lines.push(judgement.reason);
  lines.push('', 'Key ideas, matched automatically (a self-check, not a grade):');
  for (const idea of judgement.ideas)
    lines.push(
      `  ${idea.matched ? '✓' : '○'} ${idea.label} (${idea.matched ? 'matched' : 'not matched'})`,
    );
  lines.push('', 'Model answer:');
  for (const row of input.modelAnswerRows(question.modelAnswer))
    lines.push(row === '' ? '' : `  ${row}`);
  lines.push(
    '',
    'Compare it with yours: mark each idea yourself in the tutor (1–9 on the answer), or revise and answer again.',
  );
  return { exitCode: 0, stdout: lines.join('\n'), notices };
}

/** The answer text from FILE, standard input, or answers/ID.md; comments are not part of it. */
async function readSource(
  input: AnswerCommandInput,
): Promise<{ readonly text: string } | { readonly usage: string }> {
  const { source, dir, question } = input;
  if (source === '-') return { text: answerFromFile(await input.readStdin()) };
  const file =
    source === undefined ? path.join(dir, answerFilePath(question.id)) : path.resolve(source);
  try {
    return { text: answerFromFile(await readFile(file, 'utf8')) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (source === undefined && code === 'ENOENT')
      return {
        usage: `There is no ${answerFilePath(question.id)} in ${dir}: give the answer as FILE, or - to read it from standard input.`,
      };
    return {
      usage: `Cannot read the answer from ${file} (${code ?? (error as Error).message}): give a readable FILE, or - for standard input.`,
    };
  }
}
