// The `logreg-tutor` command. What students type most, the tutor itself with no command, starts
// here without building the command line (commander and every command's help text load before
// the first frame otherwise). Everything else goes to program.ts: any command, --help and
// --version, and every command line that is not the tutor's options alone, mistakes included,
// so that one parser decides what is wrong with it.
import { shouldColor } from '../color.js';
import { setStdoutColor } from './output.js';
import { printStoreNotices, reportFailure } from './services.js';
import { tutorOptions } from './tutor-options.js';

/** Runs the command line and sets the process's exit code. Never throws. */
export async function main(argv: readonly string[] = process.argv): Promise<void> {
  const options = tutorOptions(argv.slice(2));
  // Without a terminal, program.ts says what to run instead.
  if (options === undefined || !process.stdin.isTTY || !process.stdout.isTTY) {
    const { runProgram } = await import('./program.js');
    await runProgram(argv);
    return;
  }
  try {
    setStdoutColor(shouldColor(process.stdout, { flag: options.color }));
    const { tutor } = await import('./tutor.js');
    process.exitCode = await tutor(options);
    printStoreNotices();
  } catch (error) {
    printStoreNotices();
    process.exitCode = reportFailure(error);
  }
}

void main();
