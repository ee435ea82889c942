// `logreg-tutor plot TASK [--width N]`: the task's plots, drawn in the terminal from the
// student's own code.
import { minPlotWidth } from './options.js';
import { print, stdoutColored } from './output.js';
import { findTask, type GlobalOptions, openCourse, openWorkspace, UsageError } from './services.js';

/** The options of `plot`. */
export interface PlotOptions extends GlobalOptions {
  readonly width?: number;
}

/** Draws the plots of the task `name`; exit code 0 when every plot was drawn, else 1. */
export async function plot(name: string, options: PlotOptions): Promise<number> {
  const course = await openCourse();
  const task = findTask(course, name);
  const { dir } = await openWorkspace(course, options);
  const { plotCommand } = await import('../plot/command.js');
  // The terminal's own width; a pipe or a file has none and gets plotCommand's 80.
  const columns = process.stdout.isTTY ? process.stdout.columns : undefined;
  const width = options.width ?? (columns ? Math.max(minPlotWidth, columns) : undefined);
  const result = await plotCommand({
    course,
    task: task.id,
    workspaceDir: dir,
    color: stdoutColored(),
    ...(width === undefined ? {} : { width }),
  });
  if (result.exitCode === 2) throw new UsageError(result.text);
  print(result.text);
  return result.exitCode;
}
