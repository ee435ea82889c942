// Starts the TUI on the terminal and gives the terminal back as it found it: the alternate
// screen is left, the cursor shown, raw mode off, whether the student quits, presses Ctrl+C,
// kills the process or the tutor crashes. All of the TUI's terminal I/O lives here.
import chalk from 'chalk';
import { render } from 'ink';
import App from './app/App.js';
import { maxFps } from './hooks/after-frame.js';
import type { TutorServices } from './services.js';
import type { TerminalControl } from './terminal.js';

/** Where to draw and read keys (the process's terminal by default), and whether in colour. */
export interface RunTuiOptions {
  readonly stdin?: NodeJS.ReadStream;
  readonly stdout?: NodeJS.WriteStream;
  readonly stderr?: NodeJS.WriteStream;
  /** What `shouldColor` (src/color.ts) says for the terminal; default false. */
  readonly color?: boolean;
}

const enterAlternateScreen = '\u001B[?1049h';
// Bracketed paste: the terminal marks a paste, so a pasted answer's line breaks are not Enter.
const bracketedPasteOn = '\u001B[?2004h';
const bracketedPasteOff = '\u001B[?2004l';
const leaveAlternateScreen = '\u001B[?1049l';
const clearScreen = '\u001B[2J\u001B[H';
const showCursor = '\u001B[?25h';
const hideCursor = '\u001B[?25l';

// Long enough for Ink to draw the "editing" frame (it draws at most every ~33 ms) and for React
// to run the effect that releases raw mode, before the editor gets the terminal.
const handOverDelayMs = 80;

/** Runs the tutor until the student quits. Resolves with the exit code (0, or 1 on a crash). */
export async function runTui(
  services: TutorServices,
  options: RunTuiOptions = {},
): Promise<number> {
  const stdin = options.stdin ?? process.stdin;
  const stdout = options.stdout ?? process.stdout;
  const stderr = options.stderr ?? process.stderr;
  // Ink draws with chalk, whose own reading of the environment ignores NO_COLOR: it follows the
  // tutor's decision instead, and so does everything in the TUI that asks chalk (use-color.ts).
  // A terminal chalk thinks has no colours (FORCE_COLOR=0 overruled by --color) gets the basic 16.
  chalk.level = options.color ? (chalk.level === 0 ? 1 : chalk.level) : 0;
  let onScreen = true;

  // The alternate screen keeps the student's shell history intact underneath.
  stdout.write(enterAlternateScreen + clearScreen + bracketedPasteOn);
  const restore = () => {
    if (!onScreen) return;
    onScreen = false;
    stdout.write(bracketedPasteOff + showCursor + leaveAlternateScreen);
  };
  // A last resort for an exit that skips the code below (an uncaught exception): Node resets
  // the terminal's mode on exit, but not the screen.
  process.once('exit', restore);

  // Ink redraws on resize, but a smaller terminal can leave pieces of the old frame behind.
  // Registered before Ink's own listener, so the screen is blank before Ink draws.
  const onResize = () => stdout.write(clearScreen);
  stdout.on('resize', onResize);

  const terminal: TerminalControl = {
    async suspend(run) {
      await new Promise((resolve) => setTimeout(resolve, handOverDelayMs));
      if (stdin.isTTY) stdin.setRawMode(false);
      stdout.write(bracketedPasteOff + showCursor);
      try {
        return await run();
      } finally {
        // The editor may have left the alternate screen (vim does on exit): back to ours, blank,
        // and the next frame draws it whole.
        stdout.write(enterAlternateScreen + clearScreen + hideCursor + bracketedPasteOn);
        if (stdin.isTTY) stdin.setRawMode(true);
      }
    },
  };

  const instance = render(<App services={services} terminal={terminal} />, {
    stdin,
    stdout,
    stderr,
    // Ctrl+C goes through the keymap like any key, so quitting always takes the same path.
    exitOnCtrlC: false,
    maxFps,
    // The tutor runs only on a terminal (src/cli/main.ts and program.ts check). Ink's default
    // would treat one with CI=true in its environment as a log and draw only the last frame, on
    // exit.
    interactive: stdout.isTTY === true,
  });
  // Signals (a `kill`, the terminal closing) end the TUI the same way.
  const onSignal = () => instance.unmount();
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  for (const signal of signals) process.on(signal, onSignal);

  try {
    await instance.waitUntilExit();
    restore();
    printSummary(services, stdout);
    return 0;
  } catch (error) {
    restore();
    const message = error instanceof Error ? error.message : String(error);
    stderr.write(
      `logreg-tutor: the tutor crashed: ${message}\nYour progress is saved. Please report this${process.env.LOGREG_TUTOR_DEBUG ? '' : ' (LOGREG_TUTOR_DEBUG=1 prints the details)'}.\n`,
    );
    if (process.env.LOGREG_TUTOR_DEBUG && error instanceof Error && error.stack)
      stderr.write(`${error.stack}\n`);
    return 1;
  } finally {
    for (const signal of signals) process.off(signal, onSignal);
    stdout.off('resize', onResize);
    process.off('exit', restore);
  }
}

/** One line on the student's own screen after the TUI is gone. */
function printSummary(services: TutorServices, stdout: NodeJS.WriteStream): void {
  const { course, progress, workspaceDir } = services;
  let record: ReturnType<typeof progress.workspace>;
  try {
    record = progress.workspace(workspaceDir);
  } catch {
    return;
  }
  const main = course.tasks.filter((task) => !task.bonus);
  const passed = main.filter((task) => record.tasks[task.id]?.firstPassedAt !== undefined).length;
  stdout.write(
    // How to go on is the next line, printed by the command (src/cli/tutor.ts): `logreg-tutor`
    // alone works only where it is on the PATH.
    `logreg-tutor: progress saved (${passed} of ${main.length} tasks passed).\n`,
  );
}
