// `logreg-tutor answers [--json]`: every question with the student's latest answer, its key
// ideas matched automatically and marked by the student, and the model answer of each answered.
import { print, stdoutColored, stdoutColumns } from './output.js';
import { type JsonOptions, openCourse, openWorkspace, syncAnswers } from './services.js';

/** Prints the review of every question, as text or as one JSON document. */
export async function answers(options: JsonOptions): Promise<number> {
  const course = await openCourse();
  const context = await openWorkspace(course, options);
  const { dir, progress } = context;
  await syncAnswers(context);
  const record = progress.workspace(dir);
  if (options.json) {
    const { answersJson } = await import('../progress/report.js');
    print(JSON.stringify(answersJson(course, record, dir), null, 2));
    return 0;
  }
  const [{ answersText }, { renderMarkdown }] = await Promise.all([
    import('../progress/report.js'),
    import('../terminal/markdown.js'),
  ]);
  // Indented by four under the answer they follow.
  const width = Math.max(20, stdoutColumns() - 4);
  const modelAnswerRows = (markdown: string) => renderMarkdown(markdown, width, stdoutColored());
  print(answersText(course, record, { modelAnswerRows }).trimEnd());
  return 0;
}
