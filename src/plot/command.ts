// `logreg-tutor plot TASK [--workspace DIR] [--width N]`: the task's plots as text, for
// students without the TUI open and for tests. The CLI parses; this computes and draws.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { SandboxLimits } from '../engine/sandbox.js';
import type { IntroLesson, TaskLesson } from '../lessons/types.js';
import { computePlots } from './compute.js';
import { plottedTaskIds } from './definitions.js';
import { renderPlots, wrap } from './render.js';

/** What `plotCommand` reads of the course: a loaded `Course` fits. */
export interface PlotCourse {
  readonly lessons: readonly (
    | Pick<IntroLesson, 'kind' | 'id' | 'title'>
    | Pick<TaskLesson, 'kind' | 'id' | 'title' | 'file' | 'exportName' | 'params'>
  )[];
}

/** What `plotCommand` needs: everything the CLI has parsed or knows. */
export interface PlotCommandOptions {
  readonly course: PlotCourse;
  /** The task id as typed, e.g. `sigmoid`. */
  readonly task: string;
  /** Absolute path of the student's workspace. */
  readonly workspaceDir: string;
  /** Columns to draw in; default 80. */
  readonly width?: number;
  /** ANSI colours: pass what `shouldColor` (src/color.ts) says for stdout. */
  readonly color: boolean;
  /** Overrides of the sandbox limits (tests use a short timeout). */
  readonly limits?: Partial<SandboxLimits>;
}

/** What to print and how to exit: 0 every plot drawn, 1 some could not be, 2 a usage error. */
export interface PlotCommandResult {
  readonly text: string;
  readonly exitCode: number;
}

export const defaultPlotWidth = 80;
const minWidth = 30;

/** Computes and draws the plots of one task of the student's workspace. */
export async function plotCommand(options: PlotCommandOptions): Promise<PlotCommandResult> {
  const width = options.width ?? defaultPlotWidth;
  if (!Number.isInteger(width) || width < minWidth) {
    return usage(
      `Expected \`--width\` to be a whole number of columns, at least ${minWidth}, got ${String(width)}.`,
    );
  }
  const lesson = options.course.lessons.find((candidate) => candidate.id === options.task);
  const tasks = `Tasks with plots: ${plottedTaskIds.join(', ')}.`;
  if (!lesson) return usage(`There is no task \`${options.task}\`. ${tasks}`);
  if (lesson.kind !== 'task' || !plottedTaskIds.includes(lesson.id)) {
    return usage(`\`${lesson.id}\` is a reading lesson, with nothing to plot. ${tasks}`);
  }
  if (!existsSync(path.join(options.workspaceDir, lesson.file))) {
    return {
      text: wrap(
        `There is no ${lesson.file} in ${options.workspaceDir}. Start logreg-tutor once to create the workspace, or pass the folder that holds your task files with \`--workspace DIR\`.`,
        width,
      ).join('\n'),
      exitCode: 1,
    };
  }

  const result = await computePlots(lesson, {
    workspaceDir: options.workspaceDir,
    ...(options.limits ? { limits: options.limits } : {}),
  });
  const heading = wrap(`${lesson.title} · ${lesson.file}`, width);
  const body = renderPlots(result, { width, color: options.color });
  return {
    text: [...heading, '', body].join('\n'),
    exitCode: result.status === 'drawn' ? 0 : 1,
  };
}

function usage(message: string): PlotCommandResult {
  return { text: message, exitCode: 2 };
}
