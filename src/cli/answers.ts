// `logreg-tutor answers [--json]`: every question with the student's latest answer, its key
// ideas matched automatically and marked by the student.
import { print } from './output.js';
import { type JsonOptions, openCourse, openWorkspace, syncAnswers } from './services.js';

/** Prints the review of every question, as text or as one JSON document. */
export async function answers(options: JsonOptions): Promise<number> {
  const course = await openCourse();
  const context = await openWorkspace(course, options);
  const { dir, progress } = context;
  await syncAnswers(context);
  const { answersJson, answersText } = await import('../progress/report.js');
  const record = progress.workspace(dir);
  print(
    options.json
      ? JSON.stringify(answersJson(course, record, dir), null, 2)
      : answersText(course, record).trimEnd(),
  );
  return 0;
}
