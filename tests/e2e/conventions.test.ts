// The conventions users expect of a command line, for every command at once: `help [command]`,
// the closest name for a mistyped command or task, and colour as NO_COLOR, FORCE_COLOR and
// --color / --no-color ask (without a terminal here: conventions-tty.test.ts has one).
import { describe, expect, it } from 'vitest';
import { commandNames } from '../../src/cli/command-names.js';
import { cliSession } from '../helpers/cli.js';
import { course, makeWorkspace, solvedFiles } from '../helpers/workspace.js';

const { run } = cliSession();

/** A typo one letter away from `name`: its last letter typed twice. */
const typo = (name: string) => `${name}${name.at(-1)}`;

describe('help [command]', () => {
  it('`help` prints what --help prints', async () => {
    const help = await run(['help']);
    const flag = await run(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Commands:');
    expect(help.stdout).toBe(flag.stdout);
  });

  it.each(commandNames)('`help %s` prints what `%s --help` prints', async (name) => {
    const help = await run(['help', name]);
    const flag = await run([name, '--help']);
    expect(help.code, help.stderr).toBe(0);
    expect(flag.code, flag.stderr).toBe(0);
    expect(help.stdout).toMatch(new RegExp(`^Usage: logreg-tutor ${name} `));
    expect(help.stdout).toBe(flag.stdout);
  });
});

describe('did you mean', () => {
  it('`chek` and `help chek`: the closest command, one line, exit 2', async () => {
    for (const args of [['chek'], ['help', 'chek']]) {
      const { code, stdout, stderr } = await run(args);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toBe('logreg-tutor: Unknown command `chek`. Did you mean `check`?\n');
    }
  });

  it.each(commandNames)('a typo of `%s` is offered `%s`', async (name) => {
    const { code, stderr } = await run([typo(name)]);
    expect(code).toBe(2);
    expect(stderr).toBe(
      `logreg-tutor: Unknown command \`${typo(name)}\`. Did you mean \`${name}\`?\n`,
    );
  });

  it('`check sigmod`: the closest task, one line, exit 2', async () => {
    const { code, stdout, stderr } = await run(['check', 'sigmod', '-w', makeWorkspace({})]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('logreg-tutor: Unknown task `sigmod`. Did you mean `sigmoid`?\n');
  });

  it('every task, by id or by file name', async () => {
    const dir = makeWorkspace({});
    for (const task of course().tasks) {
      for (const [command, name] of [
        ['hint', typo(task.id)],
        ['reset', task.file.replace(/\.ts$/, 'x.ts')],
      ] as const) {
        const { code, stderr } = await run([command, name, '-w', dir]);
        const meant = command === 'reset' ? task.file : task.id;
        expect.soft(code, `${command} ${name}`).toBe(2);
        expect
          .soft(stderr)
          .toBe(`logreg-tutor: Unknown task \`${name}\`. Did you mean \`${meant}\`?\n`);
      }
    }
  });

  it("an unknown option gets commander's suggestion, on the same one line", async () => {
    const { code, stderr } = await run(['check', '--jsn']);
    expect(code).toBe(2);
    expect(stderr).toBe("logreg-tutor: unknown option '--jsn'. Did you mean --json?\n");
  });
});

// biome-ignore lint/suspicious/noControlCharactersInRegex: the escape codes are the point.
const colourCode = /\u001B\[[\d;]*m/;

describe('colour without a terminal: FORCE_COLOR, NO_COLOR, --color, --no-color', () => {
  const dir = makeWorkspace(solvedFiles());
  const cases: {
    readonly env: Readonly<Record<string, string | undefined>>;
    readonly flag?: string;
    readonly colour: boolean;
  }[] = [
    { env: {}, colour: false },
    { env: { NO_COLOR: '' }, colour: false },
    { env: { FORCE_COLOR: '1' }, colour: true },
    { env: { FORCE_COLOR: '' }, colour: true },
    { env: { FORCE_COLOR: '1', NO_COLOR: '1' }, colour: true },
    { env: { FORCE_COLOR: '0' }, colour: false },
    { env: { FORCE_COLOR: '1' }, flag: '--no-color', colour: false },
    { env: { FORCE_COLOR: '0' }, flag: '--color', colour: true },
    { env: { NO_COLOR: '1' }, flag: '--color', colour: true },
  ];
  for (const command of [
    ['check', 'sigmoid'],
    ['plot', 'sigmoid'],
  ]) {
    it.each(cases)(`${command[0]}: %j`, async ({ env, flag, colour }) => {
      const { code, stdout, stderr } = await run([...command, '-w', dir, ...(flag ? [flag] : [])], {
        env: { NO_COLOR: undefined, FORCE_COLOR: undefined, ...env },
      });
      expect(code, stderr).toBe(0);
      expect(colourCode.test(stdout)).toBe(colour);
    });
  }
});
