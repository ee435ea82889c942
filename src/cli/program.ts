// The `logreg-tutor` command line: builds the commander program (every command, option and
// help text), dispatches to the command's own module, and turns every error into one line and
// an exit code (1: the tutor's side, 2: usage). main.ts starts the TUI itself when the command
// line is only its options; this takes everything else.
import { Command, CommanderError } from 'commander';
import packageJson from '../../package.json' with { type: 'json' };
import { shouldColor } from '../color.js';
import { defaultWorkspaceName } from '../engine/workspace.js';
import { parseSeconds, parseWidth } from './options.js';
import { bin, setStdoutColor } from './output.js';
import {
  type GlobalOptions,
  printStoreNotices,
  reportFailure,
  UsageError,
  unknownCommand,
} from './services.js';

// Each command's module is imported when it runs: --help, --version and the no-terminal message
// load none of them, nor the lessons, the store or the engine they import.

const examples = `
Examples:
  $ ${bin} init                       create ./logreg-lab with the task files
  $ ${bin}                            open the tutor in the workspace
  $ ${bin} check                      check every task
  $ ${bin} check sigmoid bce-loss     check two tasks
  $ ${bin} check --json > results.json
  $ ${bin} hint sigmoid               the next hint for a task
  $ ${bin} reset sigmoid              back up your file, restore the starter
  $ ${bin} plot sigmoid               draw the plots of your sigmoid in the terminal
  $ ${bin} answer grad-shape - <<< 'grad has shape (d,), like w'
                                      record an answer from a file or standard input
  $ ${bin} run sigmoid                the notebook's cell on your sigmoid: printout and OK/Failed
  $ ${bin} answers                    your answers to the questions, with their key ideas
  $ ${bin} export --out report.md     check everything and write the report to hand in
  $ ${bin} -w ~/lab check             use the workspace in ~/lab

The workspace is --workspace DIR, else the current folder if it has a lab.ts, else the one used
last, else ./${defaultWorkspaceName}.

Colour is used on a terminal. A non-empty NO_COLOR turns it off; FORCE_COLOR=1 (or 0) wins over
NO_COLOR, and --color / --no-color win over both.`;

/** Builds the command line; `exit` receives the exit code of a command that ran. */
export function buildProgram(exit: (code: number) => void): Command {
  const program = new Command(bin)
    .description(
      'Learn the math of logistic regression by implementing it in TypeScript, checked as you go.',
    )
    .version(packageJson.version, '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show this help')
    .option('-w, --workspace <dir>', 'the workspace folder (default: see the end of --help)')
    .option('--color', 'colour the output, even when it is not a terminal')
    .option('--no-color', 'no colour, even on a terminal (as NO_COLOR=1 does)')
    .configureHelp({ showGlobalOptions: true })
    .configureOutput({
      // One line, like the tutor's own errors: commander puts its suggestion on a second one.
      outputError: (text, write) =>
        write(
          `${bin}: ${text.replace(/^error: /, '').replace(/\n\((Did you mean .*\?)\)(?=\n?$)/, '. $1')}`,
        ),
    })
    .showSuggestionAfterError()
    .exitOverride()
    .addHelpText('after', examples)
    .hook('preAction', (_program, command) => {
      setStdoutColor(
        shouldColor(process.stdout, { flag: command.optsWithGlobals<GlobalOptions>().color }),
      );
    });

  program
    .command('init')
    .argument('[dir]', 'the folder to create', `./${defaultWorkspaceName}`)
    .description(
      'create the workspace: lab.ts, tsconfig.json, README.md and a starter per task (never overwrites)',
    )
    .addHelpText('after', `\nExample:\n  $ ${bin} init ~/logreg-lab`)
    .action(async (dir: string | undefined, _options: unknown, command: Command) => {
      const { init } = await import('./init.js');
      exit(await init(command.args.length > 0 ? dir : undefined, command.optsWithGlobals()));
    });

  program
    .command('check')
    .argument('[task...]', 'task ids, file names or numbers (default: every task)')
    .description('run the hidden checks and print the verdicts (exit 0: all pass, 1: some fail)')
    .option('--json', 'print one JSON document instead of text')
    .option('--timeout <seconds>', 'time limit per task', parseSeconds)
    .addHelpText(
      'after',
      `\nExamples:\n  $ ${bin} check\n  $ ${bin} check sigmoid 02-bce-loss.ts --timeout 10\n  $ ${bin} check --json | jq '.tasks[] | {id, status}'`,
    )
    .action(async (names: string[], _options: unknown, command: Command) => {
      const { check } = await import('./check.js');
      exit(await check(names, command.optsWithGlobals()));
    });

  program
    .command('hint')
    .argument('<task>', 'task id, file name or number')
    .description('show the next hint for a task (they get more specific)')
    .addHelpText('after', `\nExample:\n  $ ${bin} hint sigmoid`)
    .action(async (name: string, _options: unknown, command: Command) => {
      const { hint } = await import('./hint.js');
      exit(await hint(name, command.optsWithGlobals()));
    });

  program
    .command('reset')
    .argument('<task>', 'task id, file name or number')
    .description("back up a task's file to .backups/ in the workspace, then restore its starter")
    .addHelpText('after', `\nExample:\n  $ ${bin} reset sigmoid`)
    .action(async (name: string, _options: unknown, command: Command) => {
      const { reset } = await import('./reset.js');
      exit(await reset(name, command.optsWithGlobals()));
    });

  program
    .command('plot')
    .argument('<task>', 'task id, file name or number')
    .description("draw a task's plots from your own code (exit 0: all drawn, 1: some could not be)")
    .option('--width <columns>', 'columns to draw in (default: the terminal, else 80)', parseWidth)
    .addHelpText(
      'after',
      `\nExamples:\n  $ ${bin} plot sigmoid\n  $ ${bin} plot 7 --width 100 --workspace ~/logreg-lab`,
    )
    .action(async (name: string, _options: unknown, command: Command) => {
      const { plot } = await import('./plot.js');
      exit(await plot(name, command.optsWithGlobals()));
    });

  program
    .command('answer')
    .argument('<question>', 'the question id (`logreg-tutor answers` lists them)')
    .argument(
      '[file]',
      'the answer: a file, or - for standard input (default: answers/QUESTION.md)',
    )
    .description(
      'record an answer as the tutor does, then show the key ideas matched and the model answer (exit 0: accepted, 1: not accepted)',
    )
    .option('--json', 'print one JSON document instead of text')
    .addHelpText(
      'after',
      `\nExamples:\n  $ ${bin} answer sigmoid-saturation my-answer.md\n  $ echo 'grad has shape (d,), one entry per weight.' | ${bin} answer grad-shape -\n  $ ${bin} answer gradient-derivation --json   # reads answers/gradient-derivation.md`,
    )
    .action(
      async (questionId: string, file: string | undefined, _options: unknown, command: Command) => {
        const { answer } = await import('./answer.js');
        exit(await answer(questionId, file, command.optsWithGlobals()));
      },
    );

  program
    .command('run')
    .argument('<task>', 'task id, file name or number, or `dataset` for section 0')
    .description(
      "run a task's notebook cell on your code: what the lab printed, and its own checks (exit 0: all OK, 1: one failed)",
    )
    .option('--json', 'print one JSON document instead of text')
    .option('--timeout <seconds>', 'time limit of the run', parseSeconds)
    .addHelpText(
      'after',
      `\nExamples:\n  $ ${bin} run sigmoid\n  $ ${bin} run dataset\n  $ ${bin} run 7 --json | jq '.checks'`,
    )
    .action(async (name: string, _options: unknown, command: Command) => {
      const { run } = await import('./run.js');
      exit(await run(name, command.optsWithGlobals()));
    });

  program
    .command('answers')
    .description(
      'print every question with your latest answer, its key ideas matched automatically and marked by you, and the model answer of each you answered',
    )
    .option('--json', 'print one JSON document instead of text')
    .addHelpText(
      'after',
      `\nExamples:\n  $ ${bin} answers\n  $ ${bin} answers --json | jq '.questions[] | {id, state}'`,
    )
    .action(async (_options: unknown, command: Command) => {
      const { answers } = await import('./answers.js');
      exit(await answers(command.optsWithGlobals()));
    });

  program
    .command('export')
    .description(
      'check every task again and write a Markdown report to hand in (checks, answers, dates)',
    )
    .option('-o, --out <file>', 'write the report to FILE instead of printing it')
    .option('--with-code', 'append your task files to the report, each fenced under its name')
    .addHelpText(
      'after',
      `\nExamples:\n  $ ${bin} export --out report.md\n  $ ${bin} export --with-code --out report.md`,
    )
    .action(async (_options: unknown, command: Command) => {
      const { exportReport } = await import('./export.js');
      exit(await exportReport(command.optsWithGlobals()));
    });

  // Commander's own help command is left out when the program has an action (the TUI), and for
  // a name it does not know prints the whole help on stderr; this one says which name was meant.
  program
    .command('help')
    .argument('[command]', 'the command to explain')
    .description('show this help, or the help of a command (as `COMMAND --help` does)')
    .addHelpText('after', `\nExample:\n  $ ${bin} help check`)
    .action((name: string | undefined) => {
      const named =
        name === undefined ? program : program.commands.find((each) => each.name() === name);
      if (!named) throw unknownCommand(name ?? '');
      named.outputHelp();
      exit(0);
    });

  // Set after the subcommands, which would otherwise inherit it.
  program.allowExcessArguments(true);
  program.action(async (options: GlobalOptions, command: Command) => {
    const [unknown] = command.args;
    if (unknown !== undefined) throw unknownCommand(unknown);
    // Ink needs a terminal to draw on and keys to read; anything else gets a pointer, not a stack trace.
    if (!process.stdin.isTTY || !process.stdout.isTTY) {
      throw new UsageError(
        `The tutor needs an interactive terminal; to check your work from a script or pipe, run \`${bin} check\`.`,
      );
    }
    const { tutor } = await import('./tutor.js');
    exit(await tutor(options));
  });
  return program;
}

/** Runs the command line and sets the process's exit code. Never throws. */
export async function runProgram(argv: readonly string[]): Promise<void> {
  const setExit = (code: number) => {
    process.exitCode = code;
  };
  try {
    await buildProgram(setExit).parseAsync([...argv]);
    printStoreNotices();
  } catch (error) {
    printStoreNotices();
    if (error instanceof CommanderError) {
      // Commander has printed the message (or the help) already.
      const shown = ['commander.helpDisplayed', 'commander.help', 'commander.version'].includes(
        error.code,
      );
      setExit(shown ? 0 : 2);
      return;
    }
    setExit(reportFailure(error));
  }
}
