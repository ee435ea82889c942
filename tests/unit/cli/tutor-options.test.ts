// main.ts starts the tutor without commander when the command line is only the tutor's options.
// Every command line it takes, commander would run the tutor for, with the same options; one it
// leaves (even one commander would also run the tutor for, as `-w --color`) goes to commander,
// which then decides. The usual ones it must take, or it saves nothing.
import { CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../../src/cli/program.js';
import { tutorOptions } from '../../../src/cli/tutor-options.js';

type Outcome = { runs: 'the tutor'; options: unknown } | { runs: 'something else' };

/** What commander does with a command line: the tutor and its options, or anything else. */
async function commanderOutcome(args: readonly string[]): Promise<Outcome> {
  const program = buildProgram(() => {});
  let outcome: Outcome = { runs: 'something else' };
  program.configureOutput({ writeOut: () => {}, writeErr: () => {} });
  for (const command of program.commands) {
    command.exitOverride();
    command.configureOutput({ writeOut: () => {}, writeErr: () => {} });
    command.action(() => {});
  }
  // Its colour hook writes to the CLI's output settings; this is about the options alone.
  program.hook('preAction', () => {});
  program.action((options: unknown, command: { args: readonly string[] }) => {
    if (command.args.length === 0) outcome = { runs: 'the tutor', options };
  });
  try {
    await program.parseAsync(['node', 'logreg-tutor', ...args]);
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
  }
  return outcome;
}

const commandLines: readonly (readonly string[])[] = [
  [],
  ['-w', 'lab'],
  ['--workspace', 'lab'],
  ['--workspace=lab'],
  ['-wlab'],
  ['-w', ''],
  ['-w', '-'],
  ['-w', 'a', '-w', 'b'],
  ['--color'],
  ['--no-color'],
  ['--color', '--no-color'],
  ['--no-color', '--color'],
  ['-w', 'lab', '--no-color'],
  ['--'],
  ['-w'],
  ['--workspace'],
  ['-w', '--color'],
  ['--colour'],
  ['-x'],
  ['--json'],
  ['-h'],
  ['--help'],
  ['-v'],
  ['--version'],
  ['check'],
  ['sigmod'],
  ['help'],
  ['-w', 'lab', 'check'],
  ['--', 'check'],
  ['--color=yes'],
];

describe('the tutor started without commander', () => {
  it.each(commandLines.map((args) => [JSON.stringify(args), args] as const))(
    '%s: taken only as commander would take it',
    async (_name, args) => {
      const taken = tutorOptions(args);
      if (taken !== undefined)
        expect(await commanderOutcome(args)).toEqual({ runs: 'the tutor', options: taken });
    },
  );

  it.each([
    [[], {}],
    [['-w', 'lab'], { workspace: 'lab' }],
    [['--workspace=lab'], { workspace: 'lab' }],
    [['--no-color'], { color: false }],
    [['--color', '-w', '~/lab'], { color: true, workspace: '~/lab' }],
  ])('takes %j', (args, options) => {
    expect(tutorOptions(args)).toEqual(options);
  });

  it('leaves every command, --help and --version to commander', () => {
    for (const args of [['check'], ['sigmod'], ['-h'], ['--version'], ['-w', 'lab', 'help']])
      expect(tutorOptions(args), args.join(' ')).toBeUndefined();
  });

  it("knows every one of the program's own options", async () => {
    // Driven from the program, so that an option added to it later is covered.
    const options = buildProgram(() => {}).options.filter(
      (option) => !['--help', '--version'].includes(option.long ?? ''),
    );
    expect(options.length).toBeGreaterThan(0);
    for (const option of options) {
      const value = option.required || option.optional ? ['x'] : [];
      for (const flag of [option.long, option.short]) {
        if (flag === undefined) continue;
        const taken = tutorOptions([flag, ...value]);
        expect(taken, flag).toBeDefined();
        expect(await commanderOutcome([flag, ...value]), flag).toEqual({
          runs: 'the tutor',
          options: taken,
        });
      }
    }
  });
});
