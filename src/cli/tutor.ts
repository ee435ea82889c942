// `logreg-tutor` without a command: opens the workspace (creating what it lacks), runs the
// interactive tutor, and on quitting says how to open the workspace again.
import { existsSync, statSync } from 'node:fs';
import { resolveWorkspaceDir, scaffoldWorkspace } from '../engine/workspace.js';
import { bin, print, stdoutColored } from './output.js';
import { reopenCommand } from './reopen-command.js';
import {
  type GlobalOptions,
  openCourse,
  openStoreInBackground,
  UsageError,
  type WorkspaceContext,
} from './services.js';

/** What the interactive tutor starts with. */
interface LaunchContext extends WorkspaceContext {
  /** Files created in the workspace at this launch (empty when it was complete). */
  readonly createdFiles: readonly string[];
  /** True when the workspace was created at this launch. */
  readonly createdWorkspace: boolean;
  /** True when the interactive tutor had never opened this workspace (then it welcomes). */
  readonly firstLaunch: boolean;
}

/** Opens the workspace for the tutor, creating whatever files it lacks (never overwriting). */
async function prepareLaunch(
  options: GlobalOptions,
  firstFrame: Promise<void>,
): Promise<LaunchContext> {
  const [course, progress] = await Promise.all([openCourse(), openStoreInBackground(firstFrame)]);
  const { dir } = resolveWorkspaceDir({
    option: options.workspace,
    remembered: progress.lastWorkspace(),
  });
  if (existsSync(dir) && !statSync(dir).isDirectory()) {
    throw new UsageError(`${dir} is a file, not a workspace folder. Pass --workspace DIR.`);
  }
  const { created } = scaffoldWorkspace(course, dir);
  progress.setLastWorkspace(dir);
  const createdWorkspace = created.includes('lab.ts');
  const firstTuiStart = progress.recordTuiStart(dir);
  return {
    course,
    dir,
    progress,
    createdFiles: created,
    createdWorkspace,
    firstLaunch: createdWorkspace || firstTuiStart,
  };
}

/** Runs the TUI on the workspace until the student quits; returns its exit code. */
export async function tutor(options: GlobalOptions): Promise<number> {
  // The tutor stays open for hours and allocates in bursts (each check's datasets and
  // references): left to grow, V8's young generation swells to about 100 MB and keeps it.
  // Held at the size it reached by then, it costs more, smaller collections, and the process a
  // fraction of the memory (the bench's memory table). V8 reads this flag each time it would
  // grow. Set after the first frame: before it, a young generation that cannot grow turns
  // start-up's allocations into collections the first frame waits for.
  setTimeout(
    () =>
      void import('node:v8').then((v8) => v8.setFlagsFromString('--semi-space-growth-factor=1')),
    1000,
  ).unref();
  // Loaded only here, after the terminal check: Ink and React are most of the start-up work.
  // Their files are read while the course and the progress are opened.
  const interactive = Promise.all([import('../tutor-services.js'), import('../ui/run-tui.js')]);
  // The progress file's store (conf) loads once the first frame is drawn, not before it.
  let drawn = () => {};
  const firstFrame = new Promise<void>((resolve) => {
    drawn = resolve;
  });
  const launch = await prepareLaunch(options, firstFrame);
  const [{ createTutorServices }, { runTui }] = await interactive;
  const services = createTutorServices({
    course: launch.course,
    workspaceDir: launch.dir,
    progress: launch.progress,
    createdFiles: launch.createdFiles,
    firstLaunch: launch.firstLaunch,
  });
  let exitCode: number;
  try {
    const running = runTui(services, { color: stdoutColored() });
    // Ink draws the first frame synchronously, before runTui first waits.
    drawn();
    exitCode = await running;
  } finally {
    drawn();
    // Changes made before the store had opened its file are saved once it has (at once, but
    // for a tutor quit within its first moments).
    await Promise.all([services.close(), launch.progress.whenOpen()]);
  }
  // Back on the ordinary screen: where the work is, and how to come back to it.
  print(
    `${launch.createdWorkspace ? 'Created your workspace' : 'Your workspace is'} ${launch.dir}. Open it again with:`,
  );
  print(
    `  ${reopenCommand(launch.dir, { node: process.execPath, script: process.argv[1] ?? bin, env: process.env })}`,
  );
  return exitCode;
}
