// `logreg-tutor reset TASK`: backs the task's file up inside the workspace, then restores its
// starter.
import path from 'node:path';
import { resetTask } from '../engine/workspace.js';
import { print } from './output.js';
import { findTask, type GlobalOptions, openCourse, openWorkspace } from './services.js';

/** Resets the task `name` and says where the student's file went. */
export async function reset(name: string, options: GlobalOptions): Promise<number> {
  const course = await openCourse();
  const task = findTask(course, name);
  const { dir } = await openWorkspace(course, options);
  const result = resetTask(task, dir);
  if (result.backup) {
    print(`Saved your ${task.file} to ${path.join(dir, result.backup)}`);
    print(`Restored the starter of ${task.file}.`);
  } else if (result.reason === 'missing') {
    print(`${task.file} was missing; restored its starter in ${dir}.`);
  } else {
    print(`${task.file} already holds the starter: nothing to reset.`);
  }
  return 0;
}
