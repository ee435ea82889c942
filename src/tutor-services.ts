// The real side effects behind the TUI: checks in a warm sandbox pool, chokidar on the
// workspace, the type-checker's process, the student's editor, and the progress store.
//
// None of it is drawn, so none of it delays the first frame: each part of the engine (the
// sandbox, the checks, esbuild, chokidar, the plots, the notebook, the answer files) is imported
// when first asked for. The sandbox and the checks are asked for just after the first frame.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { restoreStarter } from './engine/workspace.js';
import { loadCheckImplementations } from './lessons/lazy-checks.js';
import type { Course, TaskLesson } from './lessons/types.js';
import { findCourseQuestion } from './progress/answers.js';
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

/** A part of the engine, imported and made when first asked for. */
interface Lazy<T> {
  (): Promise<T>;
  /** What was made, if anything was asked for yet. */
  readonly made: () => Promise<T> | undefined;
}

function lazy<T>(make: () => Promise<T>): Lazy<T> {
  let made: Promise<T> | undefined;
  const get = () => {
    made ??= make();
    return made;
  };
  return Object.assign(get, { made: () => made });
}

export function createTutorServices(options: TutorServicesOptions): OwnedTutorServices {
  const { course, workspaceDir, progress } = options;
  const sandbox = lazy(async () => new (await import('./engine/sandbox.js')).SandboxPool());
  // One worker boots early, and the checks' code loads, so the first check waits for neither;
  // just after the first frame rather than before it, since both compete for the CPU.
  const warmup = setTimeout(() => {
    void sandbox().then((pool) => pool.prewarm());
    // A failure to load is reported when a check runs, not here.
    import('./engine/run-task.js').catch(() => undefined);
    loadCheckImplementations().catch(() => undefined);
  }, 100);
  warmup.unref();
  // A process of its own, started on the first type-check (loading the compiler costs ~0.5 s)
  // and stopped after a while without one: the compiler's memory is never the TUI's.
  const typeChecker = lazy(async () => new (await import('./engine/typecheck.js')).TypeChecker());

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
    staleTasks: async () => {
      const { staleTasks } = await import('./progress/changed-tasks.js');
      return staleTasks(course.tasks, progress.workspace(workspaceDir), workspaceDir);
    },
    // Async, so that even a bad id is a rejection the runner handles, never a throw into a key.
    // A deleted task file is said to be missing, with the way back (R), not as a compile error.
    checkTask: async (taskId, signal) => {
      if (!existsSync(path.join(workspaceDir, task(taskId).file))) {
        const { missingFileResult } = await import('./engine/check-tasks.js');
        return {
          ...missingFileResult(task(taskId)),
          error: `${task(taskId).file} is not in the workspace (deleted or renamed?). Press R to restore its starter.`,
        };
      }
      const [{ runTask }, pool] = await Promise.all([import('./engine/run-task.js'), sandbox()]);
      return runTask(task(taskId), { workspaceDir, pool, signal });
    },
    restoreTaskFile: async (taskId) => restoreStarter(task(taskId), workspaceDir),
    // The same warm pool as the checks: a pass and its plots run one after the other.
    computePlots: async (taskId, signal) => {
      const [{ computePlots }, pool] = await Promise.all([import('./plot/compute.js'), sandbox()]);
      return computePlots(task(taskId), { workspaceDir, pool, signal });
    },
    runNotebookCell: async (taskId, signal) => {
      const [{ runCell }, pool] = await Promise.all([import('./notebook/run-cell.js'), sandbox()]);
      return runCell(task(taskId), { workspaceDir, pool, signal });
    },
    watchWorkspace: (onChange) => {
      let stop: (() => void) | undefined;
      let stopped = false;
      void import('./engine/watch.js').then(({ watchWorkspace }) => {
        if (!stopped) stop = watchWorkspace(workspaceDir, onChange);
      });
      return () => {
        stopped = true;
        stop?.();
      };
    },
    typeCheck: async (taskId) => (await typeChecker()).check(workspaceDir, task(taskId).file),
    openInEditor: async (file) => {
      const { openInEditor } = await import('./engine/editor.js');
      return openInEditor(path.resolve(workspaceDir, file), options.env);
    },
    prepareAnswerFile: async (questionId, prompt, draft) => {
      const { prepareAnswerFile } = await import('./progress/answer-files.js');
      return prepareAnswerFile(workspaceDir, questionId, prompt, draft);
    },
    readAnswerFile: async (file) => {
      const { readAnswerFile } = await import('./progress/answer-files.js');
      return readAnswerFile(workspaceDir, file);
    },
    saveAnswer: async (questionId, text) => {
      const { saveAnswer } = await import('./progress/answer-record.js');
      return saveAnswer(place, question(questionId), text);
    },
    markIdea: async (questionId, ideaId, mark) => {
      const { markIdea } = await import('./progress/answer-record.js');
      return markIdea(place, question(questionId), ideaId, mark);
    },
    syncAnswers: async () => {
      const { syncAnswerFiles } = await import('./progress/answer-record.js');
      return syncAnswerFiles(place);
    },
    close: async () => {
      clearTimeout(warmup);
      // A part still loading is closed once it is made: nothing is left running.
      await Promise.all([
        sandbox.made()?.then((pool) => pool.close()),
        typeChecker.made()?.then((checker) => checker.close()),
      ]);
    },
  };
}
