// `logreg-tutor export [--out FILE] [--with-code]`: checks every task afresh (old results are
// not trusted), records them, and prints or writes the Markdown report a student hands in.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import packageJson from '../../package.json' with { type: 'json' };
import { readWorkspaceText } from '../engine/read-workspace-file.js';
import { recordResults } from '../progress/record-results.js';
import { print, printNotice } from './output.js';
import { type GlobalOptions, openCourse, openWorkspace, syncAnswers } from './services.js';

/** The options of `export`. */
export interface ExportOptions extends GlobalOptions {
  readonly out?: string;
  /** `--with-code`: append the student's task files. */
  readonly withCode?: boolean;
}

/** Checks every task and prints the report, or writes it to `--out`. */
export async function exportReport(options: ExportOptions): Promise<number> {
  const { SandboxPool } = await import('../engine/sandbox.js');
  const pool = new SandboxPool();
  pool.prewarm();
  try {
    const [{ checkTasks }, { buildReport }, course] = await Promise.all([
      import('../engine/check-tasks.js'),
      import('../progress/report.js'),
      openCourse(),
    ]);
    const context = await openWorkspace(course, options);
    const { dir, progress } = context;
    await syncAnswers(context);
    const results = await checkTasks(course.tasks, { workspaceDir: dir, pool });
    const recorded = recordResults(progress, dir, results);
    for (const notice of recorded.notices) printNotice(notice);
    const report = buildReport({
      course,
      progress: recorded.progress ?? progress.workspace(dir),
      results: Object.fromEntries(results.map((result) => [result.taskId, result])),
      workspaceDir: dir,
      version: packageJson.version,
      now: new Date().toISOString(),
      ...(options.withCode
        ? {
            code: course.tasks.map((task) => ({
              file: task.file,
              ...readWorkspaceText(dir, task.file),
            })),
          }
        : {}),
    });
    if (!options.out) {
      print(report.trimEnd());
      return 0;
    }
    const out = path.resolve(options.out);
    try {
      writeFileSync(out, report);
    } catch (error) {
      throw new Error(`Failed to write the report to ${out}: ${(error as Error).message}`);
    }
    const passing = results.filter((result) => result.status === 'pass').length;
    print(`Wrote the report to ${out}`);
    print(
      `  ${passing} of ${results.length} tasks pass; the report lists each check and answer${options.withCode ? ', then your code' : ''}.`,
    );
    return 0;
  } finally {
    await pool.close();
  }
}
