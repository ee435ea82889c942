// Answers written in the student's editor: a markdown file per question in the workspace
// (`answers/ID.md`), created with the question in a comment, and read back without it.
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** The workspace-relative file of a question's answer. */
export function answerFilePath(questionId: string): string {
  return `answers/${questionId}.md`;
}

/** The file's first contents: the question in a comment, then the draft (or the last answer). */
export function answerTemplate(questionId: string, prompt: string, draft: string): string {
  return `<!--
logreg-tutor: your answer to \`${questionId}\`. Write it below this comment, save, and close the
editor to submit. Markdown and Unicode math are fine; comments like this one are ignored.

${prompt.replaceAll('-->', '-- >')}
-->

${draft}${draft.endsWith('\n') || draft === '' ? '' : '\n'}`;
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
