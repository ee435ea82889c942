// `logreg-tutor check [TASK...] [--json] [--timeout S]`: runs the hidden checks of the named
// tasks (every task by default), prints each verdict as it arrives, and records them.

import { missingFiles } from '../engine/workspace.js';
import type { TaskLesson } from '../lessons/types.js';
import { recordResults } from '../progress/record-results.js';
import { jsonTask, printSummary, printTaskResult } from './check-output.js';
import { bin, paint, plural, print, printNotice } from './output.js';
import { findTask, type JsonOptions, openCourse, openWorkspace } from './services.js';
import { Timing } from './timing.js';

/** The options of `check`. */
export interface CheckOptions extends JsonOptions {
  /** Seconds per task. */
  readonly timeout?: number;
}

/** Checks the tasks `names` (all when empty); exit code 0 when every one passes, else 1. */
export async function check(names: readonly string[], options: CheckOptions): Promise<number> {
  const timing = new Timing();
  const [{ SandboxPool }, { sandboxCount }] = await Promise.all([
    import('../engine/sandbox.js'),
    import('../engine/check-tasks.js'),
  ]);
  // Prepare a sandbox for each lane, and one to spare, while the lessons load.
  const pool = new SandboxPool();
  pool.prewarm(sandboxCount(names.length === 0 ? Number.POSITIVE_INFINITY : names.length));
  try {
    const [{ checkTasks }, course] = await Promise.all([
      import('../engine/check-tasks.js'),
      openCourse({ questions: false }),
    ]);
    timing.mark('lessons loaded');
    const named = new Set(names.map((name) => findTask(course, name)));
    const tasks =
      names.length === 0 ? course.tasks : course.tasks.filter((task) => named.has(task));
    const { dir, progress } = await openWorkspace(course, options);
    timing.mark('workspace opened');
    // A deleted task file shows up in its result; a deleted lab.ts only as a compile error.
    const taskFiles = new Set(course.tasks.map((task) => task.file));
    const missingShared = missingFiles(course, dir).filter((file) => !taskFiles.has(file));
    if (missingShared.length > 0) {
      printNotice(
        `${missingShared.join(', ')} ${missingShared.length === 1 ? 'is' : 'are'} missing from ${dir}; \`${bin} init\` puts ${missingShared.length === 1 ? 'it' : 'them'} back (it never overwrites).`,
      );
    }

    if (!options.json) print(paint('dim', `Checking ${plural(tasks.length, 'task')} in ${dir}`));
    const started = performance.now();
    const results = await checkTasks(tasks, {
      workspaceDir: dir,
      pool,
      ...(options.timeout === undefined ? {} : { limits: { timeoutMs: options.timeout * 1000 } }),
      onResult: (result, index) => {
        if (!options.json) printTaskResult(result, tasks[index] as TaskLesson);
      },
    });
    timing.mark(
      `checked (${results.map((result) => `${result.taskId} ${result.durationMs}`).join(', ')})`,
    );
    // One save for the whole run: each save is an fsync, which a slow disk makes costly.
    for (const notice of recordResults(progress, dir, results).notices) printNotice(notice);
    timing.mark('progress saved');

    if (options.json) {
      print(JSON.stringify({ workspace: dir, tasks: results.map(jsonTask) }, null, 2));
    } else {
      printSummary(results, tasks, performance.now() - started);
    }
    return results.every((result) => result.status === 'pass') ? 0 : 1;
  } finally {
    await pool.close();
    timing.mark('sandboxes closed');
    timing.report();
  }
}
