// `logreg-tutor hint TASK`: the task's next staged hint, counted in the progress store.
import { bin, paint, print } from './output.js';
import { findTask, type GlobalOptions, openCourse, openWorkspace } from './services.js';

/** Prints the next hint of the task `name` (the last one again once all were shown). */
export async function hint(name: string, options: GlobalOptions): Promise<number> {
  const course = await openCourse();
  const task = findTask(course, name);
  const { dir, progress } = await openWorkspace(course, options);
  const total = task.hints.length;
  const shown = progress.workspace(dir).tasks[task.id]?.hintsShown ?? 0;
  const repeat = shown >= total;
  const index = Math.min(shown, total - 1);
  if (!repeat) progress.recordHint(dir, task.id);

  print(paint('bold', `Hint ${index + 1} of ${total} for ${task.id} (${task.file}):`));
  for (const line of (task.hints[index] ?? '').split('\n')) print(`  ${line}`);
  print();
  if (repeat)
    print(
      `There are no more hints for ${task.id}: that was the last one again. \`${bin} check ${task.id}\` says what each failing check tried.`,
    );
  else if (index + 1 === total) print(`That was the last hint for ${task.id}.`);
  else print(`Run \`${bin} hint ${task.id}\` again for the next one.`);
  return 0;
}
