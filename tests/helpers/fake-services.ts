// A small course and fake TutorServices for UI tests: checks resolve when the test says so,
// saves are announced by the test, and progress lives in a real store in a temporary folder.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import type { CheckSpec } from '../../src/engine/check-kit.js';
import type { CheckResult, Diagnostic, TaskResult, TaskStatus } from '../../src/engine/types.js';
import type { Course, IntroLesson, Section, TaskLesson } from '../../src/lessons/types.js';
import type { NotebookResult } from '../../src/notebook/types.js';
import type { PlotResult } from '../../src/plot/types.js';
import type { StaleTask } from '../../src/progress/changed-tasks.js';
import { openProgressStoreInBackground } from '../../src/progress/conf-store.js';
import { openProgressStore } from '../../src/progress/store.js';
import type { ProgressStore } from '../../src/progress/types.js';
import type { TutorServices } from '../../src/ui/services.js';

const folders: string[] = [];
afterAll(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempFolder(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  folders.push(dir);
  return dir;
}

const noCheck: CheckSpec['run'] = async () => {};

function task(
  fields: Pick<TaskLesson, 'id' | 'file' | 'title' | 'section' | 'requires'> & Partial<TaskLesson>,
): TaskLesson {
  return {
    kind: 'task',
    dir: fields.file.replace(/\.ts$/, ''),
    exportName: fields.id,
    params: ['z'],
    signature: `${fields.id}(z: Vector): Vector`,
    bonus: false,
    learned: `${fields.title} in one line.`,
    hints: [`${fields.id} hint one`, `${fields.id} hint two`],
    checkHints: {},
    mistakes: {},
    starter: "throw new Error('TODO');\n",
    solution: `export function ${fields.id}(z: number[]) {\n  return z; // reference\n}\n`,
    checks: [
      { name: 'shape', run: noCheck },
      { name: 'values', run: noCheck },
    ],
    questions: [],
    text: `# ${fields.title}\n\nWrite \`${fields.id}\` in ${fields.file}.\n\n${Array.from({ length: 40 }, (_, i) => `Paragraph ${i + 1} of the ${fields.id} lesson.`).join('\n\n')}\n`,
    ...fields,
  };
}

/** Three tasks and a bonus in three sections, after a reading lesson. */
export function fakeCourse(): Course {
  const intro: IntroLesson = {
    kind: 'intro',
    id: 'dataset',
    dir: '00-dataset',
    title: 'The synthetic dataset',
    section: '0',
    text: '# The synthetic dataset\n\nX is n×d, y ∈ {0, 1}ⁿ.\n\n  σ(z) = 1 / (1 + e^(−z))\n',
  };
  const sigmoid = task({
    id: 'sigmoid',
    file: '01-sigmoid.ts',
    title: 'Stable sigmoid',
    section: '1',
    requires: null,
    checkHints: { 'no NaN': 'Branch on the sign of z: exp only ever sees a number ≤ 0.' },
    mistakes: {
      overflow: {
        title: 'exp overflowed',
        explanation: 'exp(1000) is Infinity.',
        hint: 'Mistake hint: avoid exp of a large positive number.',
      },
    },
    checks: [
      { name: 'shape', run: noCheck },
      { name: 'no NaN', run: noCheck },
      { name: 'tails', run: noCheck },
    ],
  });
  const bce = task({
    id: 'bce-loss',
    file: '02-bce-loss.ts',
    title: 'Stable loss',
    section: '1',
    requires: 'sigmoid',
  });
  const grad = task({
    id: 'loss-and-grad',
    file: '03-loss-and-grad.ts',
    title: 'Loss and gradient',
    section: '2',
    requires: 'bce-loss',
  });
  const newton = task({
    id: 'newton-step',
    file: '04-newton-step.ts',
    title: 'Newton step',
    section: '2',
    requires: 'loss-and-grad',
    bonus: true,
  });
  const sections: Section[] = [
    { id: '0', title: 'Synthetic dataset', lessons: [intro] },
    { id: '1', title: 'Sigmoid and stable loss', lessons: [sigmoid, bce] },
    { id: '2', title: 'Gradient', lessons: [grad, newton] },
  ];
  return {
    title: 'Logistic Regression: a test course',
    sections,
    lessons: [intro, sigmoid, bce, grad, newton],
    tasks: [sigmoid, bce, grad, newton],
    workspaceFiles: {},
    checklist: [{ id: 'gradient', label: 'Gradient check passes', tasks: ['loss-and-grad'] }],
  };
}

/** A TaskResult for tests: every check passes unless named in `failing`. */
export function taskResult(
  course: Course,
  taskId: string,
  status: TaskStatus,
  options: {
    failing?: Record<string, { message: string; mistake?: string }>;
    output?: string;
    durationMs?: number;
    notImplemented?: boolean;
    error?: string;
    diagnostics?: Diagnostic[];
  } = {},
): TaskResult {
  const lesson = course.tasks.find((candidate) => candidate.id === taskId);
  if (!lesson) throw new Error(`No task ${taskId} in the fake course`);
  const checks: CheckResult[] = lesson.checks.map((check) => {
    const failure = options.failing?.[check.name];
    if (status === 'compile-error')
      return {
        name: check.name,
        passed: false,
        message: 'Not run: the file does not compile.',
        skipped: true,
      };
    return failure
      ? {
          name: check.name,
          passed: false,
          message: failure.message,
          ...(failure.mistake ? { mistake: failure.mistake } : {}),
        }
      : { name: check.name, passed: true, message: '' };
  });
  return {
    taskId,
    file: lesson.file,
    status,
    checks,
    diagnostics: options.diagnostics ?? [],
    output: { text: options.output ?? '', droppedBytes: 0 },
    durationMs: options.durationMs ?? 41,
    notImplemented: options.notImplemented ?? false,
    ...(options.error ? { error: options.error } : {}),
  };
}

/** A call for `taskId` the test has not answered yet. */
interface Pending<T> {
  readonly taskId: string;
  readonly signal: AbortSignal;
  resolve(result: T): void;
  reject(error: Error): void;
}

/** A check the test has not answered yet. */
export type PendingCheck = Pending<TaskResult>;

/** A plot computation the test has not answered yet. */
export type PendingPlots = Pending<PlotResult>;

/** A notebook cell run the test has not answered yet. */
export type PendingCell = Pending<NotebookResult>;

/** The handles a test holds on the fake services. */
export interface FakeControls {
  /** Checks asked for and not yet answered, oldest first. */
  readonly pending: PendingCheck[];
  /** Every check asked for, answered or not. */
  readonly checked: string[];
  /** Plot computations asked for and not yet answered, oldest first. */
  readonly plotsPending: PendingPlots[];
  /** Every plot computation asked for (task ids), answered or not. */
  readonly plotted: string[];
  /** Notebook cell runs asked for and not yet answered, oldest first. */
  readonly cellsPending: PendingCell[];
  /** Every notebook cell run asked for (task ids), answered or not. */
  readonly cellsRun: string[];
  /** Announces a save of `file` in the workspace, as the watcher would. */
  save(file: string): void;
  /** Answers the type-checker's requests with these from now on. */
  typeErrors: Diagnostic[];
  /** Files the editor was opened on. */
  readonly edited: string[];
  /** Makes the next editor call fail with this message. */
  editorError: string | undefined;
  readonly watching: () => boolean;
  /** Tasks whose starter the student asked to restore (`R`). */
  readonly restored: string[];
  /** The workspace's answer files (`answers/ID.md`), by relative path. */
  readonly answerFiles: Map<string, string>;
  /** What the student "writes" in the editor: called with the file's text, returns the new text. */
  onEditAnswer: ((text: string, file: string) => string) | undefined;
  /** What opening the workspace's answer files says (`syncAnswers`), one line each. */
  syncNotices: string[];
  /** The tasks whose files changed since their recorded check, as the start-up finds them. */
  stale: StaleTask[];
}

export interface Fake {
  readonly services: TutorServices;
  readonly controls: FakeControls;
  readonly progress: ProgressStore;
  readonly configDir: string;
}

/**
 * A promise the test settles through the entry it adds to `queue` (which it leaves once settled);
 * aborting `signal` rejects it with an AbortError saying `cancelled`.
 */
function pendingUntilAnswered<T>(
  queue: Pending<T>[],
  taskId: string,
  signal: AbortSignal,
  cancelled: string,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const entry: Pending<T> = {
      taskId,
      signal,
      resolve: (result) => {
        remove();
        resolve(result);
      },
      reject: (error) => {
        remove();
        reject(error);
      },
    };
    const remove = () => {
      const index = queue.indexOf(entry);
      if (index >= 0) queue.splice(index, 1);
    };
    signal.addEventListener(
      'abort',
      () => entry.reject(new DOMException(cancelled, 'AbortError')),
      {
        once: true,
      },
    );
    queue.push(entry);
  });
}

/** Fake services over `course`; pass `configDir` again to reopen the same progress (a restart). */
export function fakeServices(
  options: {
    course?: Course;
    firstLaunch?: boolean;
    configDir?: string;
    workspaceDir?: string;
    /** Open the store as the real tutor does: conf loads and opens the file after the first frame. */
    storeInBackground?: boolean;
  } = {},
): Fake {
  const course = options.course ?? fakeCourse();
  const configDir = options.configDir ?? tempFolder('logreg-ui-config-');
  const workspaceDir = options.workspaceDir ?? '/tmp/logreg-ui-workspace';
  const progress = options.storeInBackground
    ? openProgressStoreInBackground({ cwd: configDir })
    : openProgressStore({ cwd: configDir });
  const listeners = new Set<(file: string) => void>();
  const controls: FakeControls = {
    pending: [],
    checked: [],
    plotsPending: [],
    plotted: [],
    cellsPending: [],
    cellsRun: [],
    save: (file) => {
      for (const listener of listeners) listener(file);
    },
    typeErrors: [],
    edited: [],
    editorError: undefined,
    restored: [],
    answerFiles: new Map(),
    onEditAnswer: undefined,
    syncNotices: [],
    stale: [],
    watching: () => listeners.size > 0,
  };
  const services: TutorServices = {
    course,
    workspaceDir,
    createdFiles: options.firstLaunch ? ['lab.ts', 'tsconfig.json', '01-sigmoid.ts'] : [],
    firstLaunch: options.firstLaunch ?? false,
    progress,
    staleTasks: async () => controls.stale,
    checkTask: (taskId, signal) => {
      controls.checked.push(taskId);
      return pendingUntilAnswered(controls.pending, taskId, signal, 'The check was cancelled.');
    },
    computePlots: (taskId, signal) => {
      controls.plotted.push(taskId);
      return pendingUntilAnswered(
        controls.plotsPending,
        taskId,
        signal,
        'The plots were cancelled.',
      );
    },
    runNotebookCell: (taskId, signal) => {
      controls.cellsRun.push(taskId);
      return pendingUntilAnswered(controls.cellsPending, taskId, signal, 'The run was cancelled.');
    },
    watchWorkspace: (onChange) => {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
    typeCheck: async () => controls.typeErrors,
    prepareAnswerFile: async (questionId, prompt, draft) => {
      const file = `answers/${questionId}.md`;
      if (!controls.answerFiles.has(file))
        controls.answerFiles.set(file, `<!-- ${prompt} -->\n\n${draft}`);
      return file;
    },
    readAnswerFile: async (file) =>
      (controls.answerFiles.get(file) ?? '').replace(/<!--[\s\S]*?-->/g, '').trim(),
    // The store is the real one; the answer file is the map's (the real files are tested in
    // tests/unit/progress/answer-record.test.ts).
    saveAnswer: async (questionId, text) => {
      const saved = progress.submitAnswer(workspaceDir, questionId, text);
      controls.answerFiles.set(`answers/${questionId}.md`, text);
      return { progress: saved };
    },
    markIdea: async (questionId, ideaId, mark) => ({
      progress: progress.markIdea(workspaceDir, questionId, ideaId, mark),
    }),
    syncAnswers: async () => ({
      progress: progress.workspace(workspaceDir),
      notices: controls.syncNotices,
    }),
    restoreTaskFile: async (taskId) => {
      controls.restored.push(taskId);
      return 'restored';
    },
    openInEditor: async (file) => {
      controls.edited.push(file);
      const text = controls.answerFiles.get(file);
      if (text !== undefined && controls.onEditAnswer)
        controls.answerFiles.set(file, controls.onEditAnswer(text, file));
      const error = controls.editorError;
      controls.editorError = undefined;
      if (error) throw new Error(error);
    },
  };
  return { services, controls, progress, configDir };
}

/** The fake course with questions: a short one on sigmoid, a derivation on bce-loss. */
export function fakeCourseWithQuestions(): Course {
  const course = fakeCourse();
  const questions: Record<string, TaskLesson['questions']> = {
    sigmoid: [
      {
        id: 'sigmoid-why',
        prompt: 'Why does σ(z) saturate for large |z|, and what does that do to gradients?',
        long: false,
        modelAnswer: 'σ flattens out at 0 and 1, so its slope σ′ → 0 and gradients vanish.',
        keyIdeas: [
          {
            id: 'flat',
            idea: 'σ flattens out at 0 or 1',
            patterns: [{ all: [['flat*', 'saturat*']] }],
          },
          {
            id: 'vanish',
            idea: 'the gradient vanishes, so learning stalls',
            patterns: [
              {
                all: [
                  ['gradient*', 'slope'],
                  ['vanish*', 'zero', 'tiny'],
                ],
              },
            ],
          },
        ],
      },
    ],
    'bce-loss': [
      {
        id: 'bce-derivation',
        prompt: 'Derive ∂ℓ/∂z for the log-loss of one example.',
        long: true,
        modelAnswer: '∂ℓ/∂z = p − y.',
        keyIdeas: [
          { id: 'result', idea: 'the result is p − y', patterns: [{ all: [['p - y', 'p − y']] }] },
        ],
      },
    ],
  };
  return withTasks(course, (task) => ({ ...task, questions: questions[task.id] ?? [] }));
}

/** `course` with each task changed by `change`, in its tasks, lessons and sections alike. */
export function withTasks(course: Course, change: (task: TaskLesson) => TaskLesson): Course {
  const tasks = course.tasks.map(change);
  const swap = <T extends { id: string }>(lesson: T): T =>
    (tasks.find((task) => task.id === lesson.id) as T | undefined) ?? lesson;
  return {
    ...course,
    tasks,
    lessons: course.lessons.map(swap),
    sections: course.sections.map((section) => ({
      ...section,
      lessons: section.lessons.map(swap),
    })),
  };
}
