// The real side effects behind the TUI: checks in a warm sandbox pool, chokidar on the
// workspace, the type-checker's process, the student's editor, and the progress store.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { missingFileResult } from './engine/check-tasks.js';
import { openInEditor } from './engine/editor.js';
import { runTask } from './engine/run-task.js';
import { SandboxPool } from './engine/sandbox.js';
import { TypeChecker } from './engine/typecheck.js';
import { watchWorkspace } from './engine/watch.js';
import { restoreStarter } from './engine/workspace.js';
import type { Course, TaskLesson } from './lessons/types.js';
import { runCell } from './notebook/run-cell.js';
import { computePlots } from './plot/compute.js';
import { prepareAnswerFile, readAnswerFile } from './progress/answer-files.js';
import { markIdea, saveAnswer, syncAnswerFiles } from './progress/answer-record.js';
import { findCourseQuestion } from './progress/answers.js';
import { staleTasks } from './progress/changed-tasks.js';
import type { ProgressStore } from './progress/types.js';
import type { TutorServices } from './ui/services.js';

/** What the services are built from. */
export interface TutorServicesOptions {
  readonly course: Course;
  /** Absolute path of the workspace (it exists and holds the task files). */
  readonly workspaceDir: string;
  readonly progress: ProgressStore;
  readonly createdFiles?: readonly string[];
  readonly firstLaunch?: boolean;
  /** Environment for the editor ($VISUAL, $EDITOR, $PATH); default the process's. */
  readonly env?: NodeJS.ProcessEnv;
}

/** Services that hold workers and a process: `close` them when the TUI has exited. */
export interface OwnedTutorServices extends TutorServices {
  close(): Promise<void>;
}

export function createTutorServices(options: TutorServicesOptions): OwnedTutorServices {
  const { course, workspaceDir, progress } = options;
  // One worker boots early, so the first check does not wait for it (~50 ms); just after the
  // first frame rather than before it, since a booting thread competes for the CPU.
  const pool = new SandboxPool();
  const warmup = setTimeout(() => pool.prewarm(), 100);
  warmup.unref();
  // A process of its own, started on the first type-check (loading the compiler costs ~0.5 s)
  // and stopped after a while without one: the compiler's memory is never the TUI's.
  const typeChecker = new TypeChecker();

  const place = { course, store: progress, dir: workspaceDir };
  const question = (id: string) => {
    const found = findCourseQuestion(course.tasks, id);
    if (!found) throw new Error(`Unknown question \`${id}\`.`);
    return found.question;
  };

  const task = (id: string): TaskLesson => {
    const found = course.tasks.find((candidate) => candidate.id === id);
    if (!found)
      throw new Error(
        `Unknown task \`${id}\`: expected one of ${course.tasks.map((other) => other.id).join(', ')}.`,
      );
    return found;
  };

  return {
    course,
    workspaceDir,
    createdFiles: options.createdFiles ?? [],
    firstLaunch: options.firstLaunch ?? false,
    progress,
    staleTasks: () => staleTasks(course.tasks, progress.workspace(workspaceDir), workspaceDir),
    // Async, so that even a bad id is a rejection the runner handles, never a throw into a key.
    // A deleted task file is said to be missing, with the way back (R), not as a compile error.
    checkTask: async (taskId, signal) =>
      existsSync(path.join(workspaceDir, task(taskId).file))
        ? runTask(task(taskId), { workspaceDir, pool, signal })
        : {
            ...missingFileResult(task(taskId)),
            error: `${task(taskId).file} is not in the workspace (deleted or renamed?). Press R to restore its starter.`,
          },
    restoreTaskFile: async (taskId) => restoreStarter(task(taskId), workspaceDir),
    // The same warm pool as the checks: a pass and its plots run one after the other.
    computePlots: async (taskId, signal) =>
      computePlots(task(taskId), { workspaceDir, pool, signal }),
    runNotebookCell: async (taskId, signal) =>
      runCell(task(taskId), { workspaceDir, pool, signal }),
    watchWorkspace: (onChange) => watchWorkspace(workspaceDir, onChange),
    typeCheck: async (taskId) => typeChecker.check(workspaceDir, task(taskId).file),
    openInEditor: (file) => openInEditor(path.resolve(workspaceDir, file), options.env),
    prepareAnswerFile: (questionId, prompt, draft) =>
      prepareAnswerFile(workspaceDir, questionId, prompt, draft),
    readAnswerFile: (file) => readAnswerFile(workspaceDir, file),
    saveAnswer: async (questionId, text) => saveAnswer(place, question(questionId), text),
    markIdea: async (questionId, ideaId, mark) =>
      markIdea(place, question(questionId), ideaId, mark),
    syncAnswers: () => syncAnswerFiles(place),
    close: async () => {
      clearTimeout(warmup);
      await Promise.all([pool.close(), typeChecker.close()]);
    },
  };
}
