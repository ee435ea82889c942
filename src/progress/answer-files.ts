// Answers in the workspace: a markdown file per question (`answers/ID.md`) holding the question
// and the key ideas in comments and the answer itself, written atomically with each earlier
// version kept in `answers/.history/`, and read back without the comments.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** The workspace-relative file of a question's answer. */
export function answerFilePath(questionId: string): string {
  return `answers/${questionId}.md`;
}

/** The file's first contents: the question in a comment, then the draft (or the last answer). */
export function answerTemplate(questionId: string, prompt: string, draft: string): string {
  return `<!--
logreg-tutor: your answer to \`${questionId}\`, below this comment. Opened from the tutor (e):
save and close the editor to submit. Edited by hand: the tutor reads it when it next opens the
workspace, or run \`logreg-tutor answer ${questionId}\`. Markdown and Unicode math are fine;
comments like this one are ignored.

${prompt.replaceAll('-->', '-- >')}
-->

${draft}${draft.endsWith('\n') || draft === '' ? '' : '\n'}`;
}

/** One key idea as the answer file lists it after the answer. */
export interface AnswerFileIdea {
  readonly label: string;
  readonly matched: boolean;
  /** The student's own mark, in words (`covered`), if any. */
  readonly mark?: string | undefined;
}

/**
 * The whole file of a recorded answer: the question in a comment, the answer, then the key ideas
 * (matched automatically, and marked by the student) in a closing comment, so that the folder
 * handed in holds both.
 */
export function answerFileText(
  questionId: string,
  prompt: string,
  answer: string,
  ideas: readonly AnswerFileIdea[],
): string {
  const listed = ideas.map(
    (idea) =>
      `- ${idea.label.replaceAll('-->', '-- >')}: ${idea.matched ? 'matched' : 'not matched'} automatically; ${idea.mark === undefined ? 'not marked by you' : `marked by you: ${idea.mark}`}`,
  );
  const closing =
    ideas.length === 0
      ? ''
      : `\n<!--\nlogreg-tutor: the key ideas of a complete answer, matched automatically and marked by you\n(a self-check, not a grade; mark them in the tutor):\n${listed.join('\n')}\n-->\n`;
  return `${answerTemplate(questionId, prompt, answer)}${closing}`;
}

/** The answer in a file's text: comments removed, blank lines at both ends trimmed. */
export function answerFromFile(text: string): string {
  return text
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/\r\n?/g, '\n')
    .replace(/^\s*\n/, '')
    .trimEnd();
}

/**
 * Creates `answers/ID.md` in the workspace unless it exists (a student's file is never
 * overwritten). Returns its workspace-relative path.
 */
export async function prepareAnswerFile(
  workspaceDir: string,
  questionId: string,
  prompt: string,
  draft: string,
): Promise<string> {
  const file = answerFilePath(questionId);
  const full = path.join(workspaceDir, file);
  try {
    if (!existsSync(full)) {
      await mkdir(path.dirname(full), { recursive: true });
      await writeFile(full, answerTemplate(questionId, prompt, draft), { flag: 'wx' });
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST')
      throw new Error(`Failed to create ${full}: ${(error as Error).message}`);
  }
  return file;
}

/** The answer written in a workspace file. */
export async function readAnswerFile(workspaceDir: string, file: string): Promise<string> {
  const full = path.join(workspaceDir, file);
  try {
    return answerFromFile(await readFile(full, 'utf8'));
  } catch (error) {
    throw new Error(`Failed to read your answer from ${full}: ${(error as Error).message}`);
  }
}

/**
 * The answer in `answers/ID.md`, or undefined when there is no such file. A file that is there
 * but cannot be read is an error that says so.
 */
export async function readWorkspaceAnswer(
  workspaceDir: string,
  questionId: string,
): Promise<string | undefined> {
  const full = path.join(workspaceDir, answerFilePath(questionId));
  try {
    return answerFromFile(await readFile(full, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(`Failed to read your answer from ${full}: ${(error as Error).message}`);
  }
}

/** The workspace-relative folder that keeps every version of the answer files. */
export const answerHistoryDir = 'answers/.history';

/** One recorded version of an answer, as the history keeps it. */
export interface KeptVersion {
  /** The whole file of that version. */
  readonly contents: string;
  /** ISO time it was recorded: it names the file. */
  readonly at: string;
}

/**
 * Writes `answers/ID.md` atomically (a whole new file renamed over the old one, so an editor or a
 * crash never sees half of it), and keeps every recorded version in `answers/.history/` as
 * `ID.TIME.md`. A file holding text that is no recorded version (the student's own draft) is
 * copied there too before it is replaced: nothing the student wrote is lost.
 */
export async function writeAnswerFile(
  workspaceDir: string,
  questionId: string,
  contents: string,
  versions: readonly KeptVersion[],
): Promise<void> {
  const full = path.join(workspaceDir, answerFilePath(questionId));
  const history = path.join(workspaceDir, answerHistoryDir);
  const kept = (at: string, suffix = '') =>
    path.join(history, `${questionId}.${at.slice(0, 23).replace(/[:.]/g, '-')}${suffix}.md`);
  const temporary = path.join(
    path.dirname(full),
    `.${questionId}.md.${randomBytes(4).toString('hex')}.tmp`,
  );
  try {
    await mkdir(history, { recursive: true });
    for (const version of versions)
      if (!existsSync(kept(version.at))) await writeFile(kept(version.at), version.contents);
    const before = await readFile(full, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw error;
    });
    if (before === contents) return;
    const draft = before === undefined ? '' : answerFromFile(before);
    if (draft !== '' && !versions.some((version) => answerFromFile(version.contents) === draft))
      await copyFile(full, kept(new Date().toISOString(), '.unrecorded'));
    await writeFile(temporary, contents);
    await rename(temporary, full);
  } catch (error) {
    await rm(temporary, { force: true });
    throw new Error(`Failed to write your answer to ${full}: ${(error as Error).message}`);
  }
}
