import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commandNames } from '../../src/cli/command-names.js';
import { cliSession } from '../helpers/cli.js';
import { course, makeWorkspace, solvedFiles, task, tempDir } from '../helpers/workspace.js';

const packageVersion = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string })
  .version;
const session = cliSession();
const { run } = session;

/** The JSON document of `check --json`: only the fields these tests read. */
interface CheckJson {
  tasks: {
    id: string;
    file: string;
    passed: boolean;
    status: string;
    checks: { name: string; passed: boolean; message: string }[];
  }[];
}

describe('--help and --version', () => {
  it('prints the version from package.json', async () => {
    const { code, stdout } = await run(['--version']);
    expect(code).toBe(0);
    expect(stdout.trim()).toBe(packageVersion);
  });

  it('lists every command with an example', async () => {
    const { code, stdout } = await run(['--help']);
    expect(code).toBe(0);
    for (const command of ['init', 'check', 'hint', 'reset', 'plot']) {
      expect(stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
      expect(stdout).toMatch(new RegExp(`\\$ logreg-tutor ${command}`));
    }
    expect(stdout).toContain('--workspace');
  });

  it('lists exactly the commands of src/command-names.ts, which the tests of every command follow', async () => {
    const { stdout } = await run(['--help']);
    const listed = stdout
      .slice(stdout.indexOf('Commands:'))
      .split('\n')
      .slice(1)
      .map((line) => /^ {2}(\w+)/.exec(line)?.[1])
      .filter((name) => name !== undefined);
    expect(listed.sort()).toEqual([...commandNames].sort());
  });
});

describe('no command', () => {
  it('without a terminal, prints one line pointing to `check` and exits 2', async () => {
    const { code, stdout, stderr } = await run([]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^logreg-tutor: .*interactive terminal.*logreg-tutor check/);
  });

  it('names an unknown command and lists the commands', async () => {
    const { code, stderr } = await run(['xyzzy']);
    expect(code).toBe(2);
    expect(stderr).toBe(
      `logreg-tutor: Unknown command \`xyzzy\`. Commands: ${commandNames.join(', ')} (see \`logreg-tutor --help\`).\n`,
    );
  });
});

describe('init', () => {
  const allFiles = [
    'lab.ts',
    'tsconfig.json',
    'sandbox-globals.d.ts',
    'README.md',
    ...course().tasks.map((lesson) => lesson.file),
  ];

  it('creates ./logreg-lab with the workspace files and every starter, and says how to start', async () => {
    const cwd = tempDir();
    const { code, stdout } = await run(['init'], { cwd });
    expect(code).toBe(0);
    const dir = path.join(cwd, 'logreg-lab');
    expect(readdirSync(dir).sort()).toEqual([...allFiles].sort());
    expect(allFiles.map((file) => file.split('-')[0])).toContain('08');
    expect(readFileSync(path.join(dir, '01-sigmoid.ts'), 'utf8')).toBe(task('sigmoid').starter);
    for (const file of allFiles) expect(stdout).toContain(`+ ${file}`);
    expect(stdout).toContain('cd logreg-lab');
    expect(stdout).toContain('logreg-tutor check');
  });

  it('never overwrites, and says what it kept', async () => {
    const dir = path.join(tempDir(), 'lab');
    await run(['init', dir]);
    writeFileSync(path.join(dir, '01-sigmoid.ts'), '// my work\n');
    const { code, stdout } = await run(['init', dir]);
    expect(code).toBe(0);
    expect(readFileSync(path.join(dir, '01-sigmoid.ts'), 'utf8')).toBe('// my work\n');
    expect(stdout).toMatch(/Nothing to create/);
    expect(stdout).toContain('= 01-sigmoid.ts');
  });
});

describe('a workspace made by an earlier tutor, without sandbox-globals.d.ts', () => {
  it('`check` says it is missing, and `init` adds it and leaves every other file as it was', async () => {
    const dir = makeWorkspace(solvedFiles());
    rmSync(path.join(dir, 'sandbox-globals.d.ts'));
    const oldConfig = '{ "compilerOptions": { "lib": ["ES2022", "DOM"], "strict": true } }\n';
    writeFileSync(path.join(dir, 'tsconfig.json'), oldConfig);
    const checked = await run(['check', 'sigmoid', '-w', dir]);
    expect(checked.code).toBe(0);
    expect(checked.stderr).toBe(
      `logreg-tutor: sandbox-globals.d.ts is missing from ${dir}; \`logreg-tutor init\` puts it back (it never overwrites).\n`,
    );
    const { code, stdout } = await run(['init', dir]);
    expect(code).toBe(0);
    expect(stdout).toContain('Completed the workspace');
    expect(stdout).toContain('+ sandbox-globals.d.ts');
    expect(stdout).toContain('= tsconfig.json');
    expect(readFileSync(path.join(dir, 'sandbox-globals.d.ts'), 'utf8')).toBe(
      course().workspaceFiles['sandbox-globals.d.ts'],
    );
    expect(readFileSync(path.join(dir, 'tsconfig.json'), 'utf8')).toBe(oldConfig);
  });
});

describe('check', () => {
  it('--json on untouched starters: one JSON document, every check failed, exit 1', async () => {
    const dir = makeWorkspace({});
    for (const lesson of course().tasks) writeFileSync(path.join(dir, lesson.file), lesson.starter);
    const { code, stdout } = await run(['check', '--json', '--workspace', dir]);
    expect(code).toBe(1);
    const parsed = JSON.parse(stdout) as CheckJson;
    expect(parsed.tasks.map((result) => [result.id, result.file])).toEqual(
      course().tasks.map((lesson) => [lesson.id, lesson.file]),
    );
    for (const result of parsed.tasks) {
      expect(result).toMatchObject({ passed: false, status: 'fail' });
      expect(result.checks.length).toBeGreaterThan(0);
      for (const check of result.checks) {
        expect(check.passed).toBe(false);
        expect(check.message).toMatch(/^Not implemented yet/);
      }
    }
  });

  it('passes a solved workspace, exit 0, and records it in the progress store', async () => {
    const dir = makeWorkspace(solvedFiles());
    const { code, stdout } = await run(['check', '-w', dir]);
    expect(code, stdout).toBe(0);
    for (const lesson of course().tasks)
      expect(stdout).toMatch(new RegExp(`✓ ${lesson.id} \\(${lesson.file}\\)`));
    expect(stdout).toContain(`All ${course().tasks.length} tasks pass.`);
    const store = JSON.parse(readFileSync(path.join(session.configDir, 'progress.json'), 'utf8'));
    const recorded = store.workspaces[dir].tasks;
    for (const lesson of course().tasks)
      expect(recorded[lesson.id]).toMatchObject({ attempts: 1, lastStatus: 'pass' });
  });

  it('checks only the named tasks, in lesson order, by id, file or number', async () => {
    const dir = makeWorkspace(solvedFiles());
    const { code, stdout } = await run(['check', '--json', '-w', dir, '02-bce-loss.ts', '1']);
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as CheckJson).tasks.map((result) => result.id)).toEqual([
      'sigmoid',
      'bce-loss',
    ]);
  });

  it('shows a compile error with file:line:col and the line', async () => {
    const dir = makeWorkspace({
      ...solvedFiles(),
      '01-sigmoid.ts':
        'export function sigmoid(z: number[]): number[] {\n  return z.map((x) => 1 / (1 + Math.exp(-x))\n}\n',
    });
    const { code, stdout } = await run(['check', 'sigmoid', '-w', dir]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/✗ sigmoid \(01-sigmoid\.ts\) does not compile/);
    expect(stdout).toMatch(/01-sigmoid\.ts:3:1: /);
    expect(stdout).toContain('3 | }');
    // Once, with the line it is about; not a second time as the verdict's error.
    expect(stdout.match(/01-sigmoid\.ts:3:1: /g)).toHaveLength(1);
  });

  it("prints the student's console output under a heading", async () => {
    const solution = task('sigmoid').solution;
    const dir = makeWorkspace({
      ...solvedFiles(),
      '01-sigmoid.ts': `console.log('hello from the lab');\n${solution}`,
    });
    const { code, stdout } = await run(['check', 'sigmoid', '-w', dir]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Output of 01-sigmoid\.ts.*\n.*│ hello from the lab/);
  });

  it('notices a deleted task file and says how to restore it', async () => {
    const files = solvedFiles();
    const dir = makeWorkspace({});
    for (const [name, text] of Object.entries(files))
      if (name !== '01-sigmoid.ts') writeFileSync(path.join(dir, name), text);
    const { code, stdout } = await run(['check', '-w', dir, 'sigmoid', 'bce-loss']);
    expect(code).toBe(1);
    expect(stdout).toMatch(/✗ sigmoid \(01-sigmoid\.ts\) file missing/);
    expect(stdout).toContain('logreg-tutor reset sigmoid');
    expect(stdout).toMatch(/✓ bce-loss/);
  });

  it('names an unknown task, lists the valid ids, exit 2', async () => {
    const dir = makeWorkspace(solvedFiles());
    const { code, stdout, stderr } = await run(['check', 'no-such-task', '--json', '-w', dir]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('Unknown task `no-such-task`. Valid tasks: ');
    expect(stderr).toContain(
      course()
        .tasks.map((lesson) => lesson.id)
        .join(', '),
    );
  });

  it('names a missing workspace and says to run init, exit 2', async () => {
    const dir = path.join(tempDir(), 'nowhere');
    const { code, stderr } = await run(['check', '--workspace', dir]);
    expect(code).toBe(2);
    expect(stderr).toContain(`No workspace at ${dir}`);
    expect(stderr).toContain('logreg-tutor init');
  });

  it('finds ./logreg-lab without --workspace, and the workspace it stands in', async () => {
    const cwd = tempDir();
    await run(['init'], { cwd });
    const fromParent = await run(['check', 'sigmoid', '--json'], { cwd });
    expect(fromParent.code).toBe(1);
    const inside = await run(['check', 'sigmoid', '--json'], { cwd: path.join(cwd, 'logreg-lab') });
    expect(inside.code).toBe(1);
    expect(JSON.parse(inside.stdout).workspace).toBe(path.join(cwd, 'logreg-lab'));
  });

  it('rejects a bad --timeout as a usage error', async () => {
    const { code, stderr } = await run(['check', '--timeout', 'soon']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^logreg-tutor: .*--timeout/);
  });
});

describe('hint', () => {
  it('prints the hints in order, then repeats the last and says there are no more', async () => {
    const dir = makeWorkspace({});
    const { hints } = task('sigmoid');
    for (const [index, text] of hints.entries()) {
      const { code, stdout } = await run(['hint', 'sigmoid', '-w', dir]);
      expect(code).toBe(0);
      expect(stdout).toContain(`Hint ${index + 1} of ${hints.length}`);
      expect(stdout).toContain(text.split('\n')[0]);
    }
    const { code, stdout } = await run(['hint', 'sigmoid', '-w', dir]);
    expect(code).toBe(0);
    expect(stdout).toContain(`Hint ${hints.length} of ${hints.length}`);
    expect(stdout).toMatch(/no more hints/);
    const store = JSON.parse(readFileSync(path.join(session.configDir, 'progress.json'), 'utf8'));
    expect(store.workspaces[dir].tasks.sigmoid.hintsShown).toBe(hints.length);
  });
});

describe('reset', () => {
  it('backs up the file inside the workspace, says where, and restores the starter', async () => {
    const dir = makeWorkspace({ '01-sigmoid.ts': '// my attempt\n' });
    const { code, stdout } = await run(['reset', 'sigmoid', '--workspace', dir]);
    expect(code).toBe(0);
    const [backup, ...others] = readdirSync(path.join(dir, '.backups'));
    expect(others).toEqual([]);
    expect(backup).toMatch(/^01-sigmoid\.\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.ts$/);
    expect(readFileSync(path.join(dir, '.backups', backup ?? ''), 'utf8')).toBe('// my attempt\n');
    expect(readFileSync(path.join(dir, '01-sigmoid.ts'), 'utf8')).toBe(task('sigmoid').starter);
    expect(stdout).toContain(path.join(dir, '.backups', backup ?? ''));
  });

  it('restores a deleted file', async () => {
    const dir = makeWorkspace({});
    expect(existsSync(path.join(dir, '03-loss-and-grad.ts'))).toBe(false);
    const { code } = await run(['reset', '3', '-w', dir]);
    expect(code).toBe(0);
    expect(readFileSync(path.join(dir, '03-loss-and-grad.ts'), 'utf8')).toBe(
      task('loss-and-grad').starter,
    );
  });
});

describe('plot', () => {
  // exp(z) in the denominator instead of exp(−z): σ mirrored, a curve that falls.
  const mirrored =
    'export function sigmoid(z: number[]): number[] {\n  return z.map((x) => 1 / (1 + Math.exp(x)));\n}\n';

  it("draws the student's own sigmoid: the solution and a wrong one differ, both exit 0", async () => {
    const solved = makeWorkspace(solvedFiles());
    const wrong = makeWorkspace({ ...solvedFiles(), '01-sigmoid.ts': mirrored });
    const right = await run(['plot', 'sigmoid', '--workspace', solved]);
    const bad = await run(['plot', 'sigmoid', '--workspace', wrong]);
    expect(right.code, right.stderr).toBe(0);
    expect(bad.code, bad.stderr).toBe(0);
    expect(right.stdout).toContain('σ(z) and its slope σ′(z) = σ(z)(1 − σ(z))');
    expect(right.stdout).toContain('x: z from −10 to 10 · y: σ and σ′, linear');
    expect(right.stdout).toContain('σ(z), yours');
    expect(bad.stdout).not.toBe(right.stdout);
    // No terminal: 80 columns and no colour codes.
    const lines = right.stdout.trimEnd().split('\n');
    expect(Math.max(...lines.map((line) => line.length))).toBeLessThanOrEqual(80);
    expect(right.stdout).not.toContain('\u001b');
  });

  it('takes the task by number, --width, and -w before the command', async () => {
    const dir = makeWorkspace(solvedFiles());
    const { code, stdout } = await run(['-w', dir, 'plot', '1', '--width', '50']);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(Math.max(...lines.map((line) => line.length))).toBe(50);
  });

  it('draws a broken sigmoid with a note instead of failing, and the starter says what to do, exit 1', async () => {
    const nan =
      'export function sigmoid(z: number[]): number[] {\n  return z.map((x) => (x > 5 ? NaN : 1 / (1 + Math.exp(-x))));\n}\n';
    const broken = await run([
      'plot',
      'sigmoid',
      '-w',
      makeWorkspace({ ...solvedFiles(), '01-sigmoid.ts': nan }),
    ]);
    expect(broken.code, broken.stderr).toBe(0);
    expect(broken.stdout).toMatch(/Note: .*NaN/);
    const starter = await run([
      'plot',
      'sigmoid',
      '-w',
      makeWorkspace({ '01-sigmoid.ts': task('sigmoid').starter }),
    ]);
    expect(starter.code).toBe(1);
    expect(starter.stdout).toContain('No plots of 01-sigmoid.ts yet');
  });

  it('rejects an unknown task and a bad --width as usage errors, exit 2', async () => {
    const dir = makeWorkspace(solvedFiles());
    const unknown = await run(['plot', 'sigmod', '-w', dir]);
    expect(unknown.code).toBe(2);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toContain('Unknown task `sigmod`');
    const narrow = await run(['plot', 'sigmoid', '-w', dir, '--width', '10']);
    expect(narrow.code).toBe(2);
    expect(narrow.stderr).toMatch(/^logreg-tutor: .*--width/);
  });
});

describe('export', () => {
  it('names the workspace by its folder name; --with-code appends each task file, fenced', async () => {
    const files = solvedFiles();
    const dir = makeWorkspace(files);
    const out = path.join(tempDir('logreg-export-'), 'report.md');
    const plain = await run(['export', '-w', dir]);
    expect(plain.code, plain.stderr).toBe(0);
    expect(plain.stdout).toContain(`- Workspace: \`${path.basename(dir)}\``);
    expect(plain.stdout).not.toContain(dir);
    expect(plain.stdout).not.toContain('## Your code');

    const { code, stdout, stderr } = await run(['export', '--with-code', '--out', out, '-w', dir]);
    expect(code, stderr).toBe(0);
    expect(stdout).toContain('the report lists each check and answer, then your code.');
    const report = readFileSync(out, 'utf8');
    expect(report).not.toContain(dir);
    for (const lesson of course().tasks) {
      const text = files[lesson.file] ?? '';
      expect(text).not.toBe('');
      expect(report).toContain(
        `### \`${lesson.file}\`\n\n\`\`\`ts\n${text.replace(/\n$/, '')}\n\`\`\`\n`,
      );
    }
  });
});
