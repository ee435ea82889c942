// The progress store under faults, through real processes: a damaged file is kept aside with a
// one-line notice, and two tutors and a `check` saving at once, on a machine kept busy with CPU
// and disk work (and a third tutor killed while it saves), lose no record. This file runs in a
// vitest project of its own, after the others, so that its load slows no other test.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openProgressStore } from '../../src/progress/store.js';
import { cliSession } from '../helpers/cli.js';
import { storeScript } from '../helpers/store-script.js';
import { tempDir } from '../helpers/workspace.js';

describe('a damaged progress file', () => {
  it('is moved aside with a one-line notice, and the command goes on', async () => {
    const session = cliSession();
    const workspace = path.join(tempDir('logreg-resilience-'), 'lab');
    expect((await session.run(['init', workspace])).code).toBe(0);
    writeFileSync(path.join(session.configDir, 'progress.json'), '{"workspaces": {"/x": ');

    const run = await session.run(['-w', workspace, 'hint', 'sigmoid']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Hint 1 of');
    const notices = run.stderr.split('\n').filter(Boolean);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(
      /^logreg-tutor: Your progress file could not be read .*progress\.damaged-.*\.json/,
    );
    expect(readdirSync(session.configDir).filter((name) => name.includes('damaged'))).toHaveLength(
      1,
    );

    // The fresh store works: the next hint is the second one.
    const again = await session.run(['-w', workspace, 'hint', 'sigmoid']);
    expect(again.stdout).toContain('Hint 2 of');
    expect(again.stderr).toBe('');
  });
});

/** Processes that load the machine: one busy loop per core, and one writing and fsyncing. */
const loaders: ChildProcess[] = [];

/**
 * Starts `code` as a node process that ends on its own when the tests' process is gone or after
 * two minutes, so that a crashed test run leaves no load behind.
 */
function startLoad(code: string): void {
  const guard = `const parent = ${process.pid}, until = Date.now() + 120_000;
const done = () => process.ppid !== parent || Date.now() > until;`;
  const child = spawn(process.execPath, ['-e', `${guard}\n${code}`], { stdio: 'ignore' });
  loaders.push(child);
}

// Rounds of two tutors and a check saving at once; every other round a third tutor saving
// without end is killed (holding the lock, as likely as not) while the others save.
const rounds = 20;
const hintsEach = 5;

/** What a helper process is asked to do in a round, over its IPC channel. */
interface Round {
  readonly cwd: string;
  readonly dir: string;
  readonly name: string;
  readonly role: 'saves' | 'starts' | 'check' | 'endless' | 'ready';
}

describe('two tutors and a check saving at once, on a busy machine', () => {
  let script = '';
  let workspace = '';
  const helpers: ChildProcess[] = [];

  beforeAll(async () => {
    for (let core = 0; core < availableParallelism(); core++)
      startLoad('while (!done()) for (let i = 0; i < 1e6; i++);');
    const disk = path.join(tempDir('logreg-disk-'), 'large');
    startLoad(`const fs = require('node:fs');
const fd = fs.openSync(${JSON.stringify(disk)}, 'w');
const block = Buffer.alloc(4 * 1024 * 1024, 7);
for (let n = 0; !done(); n++) { fs.writeSync(fd, block, 0, block.length, (n % 16) * block.length); fs.fsyncSync(fd); }`);
    // The store's calls as the tutors and `check` make them, in processes that stay up between
    // rounds (starting node on a loaded machine is slow). A tutor records hints on its own task,
    // then as many on a task both record; in `starts` each hint is recorded by a tutor that has
    // just started, as a newer version (conf writes the file as it opens); `check` records one
    // check, as `logreg-tutor check` does. Each answers once its saves are on disk.
    script =
      await storeScript(`const check = { taskId: 'sigmoid', file: '01-sigmoid.ts', status: 'fail', checks: [{ name: 'a', passed: false, message: '' }], diagnostics: [], output: { text: '', droppedBytes: 0 }, durationMs: 1, notImplemented: false };
function play({ cwd, dir, name, role }) {
  if (role === 'ready') return true;
  let store = openProgressStore({ cwd });
  if (role === 'endless') {
    for (let i = 1; i <= 3; i++) store.recordHint(dir, name);
    process.send('saving', () => { for (;;) store.recordHint(dir, name); });
    return undefined;
  }
  if (role === 'check') {
    store.setLastWorkspace(dir);
    store.recordResults(dir, [check]);
  } else
    for (const task of [name, 'shared'])
      for (let i = 1; i <= ${hintsEach}; i++) {
        if (role === 'starts') store = openProgressStore({ cwd, projectVersion: \`0.1.\${i}\` });
        store.recordHint(dir, task);
      }
  return store.flush(30_000);
}
process.on('message', (round) => {
  const saved = play(round);
  if (saved !== undefined) process.send({ saved });
});`);
    workspace = path.join(tempDir('logreg-contention-'), 'lab');
  });

  afterAll(() => {
    for (const child of [...loaders.splice(0), ...helpers.splice(0)]) child.kill('SIGKILL');
  });

  function helper(): ChildProcess {
    const child = spawn(process.execPath, [script], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    helpers.push(child);
    return child;
  }

  function play(child: ChildProcess, round: Round) {
    return new Promise<unknown>((resolve, reject) => {
      const exited = (code: number | null) => reject(new Error(`helper exited with ${code}`));
      child.once('exit', exited);
      child.once('message', (message) => {
        child.off('exit', exited);
        resolve(message);
      });
      child.send(round);
    });
  }

  it(`lose no record in ${rounds} rounds`, async () => {
    const [first, second, checker] = [helper(), helper(), helper()];
    for (let round = 1; round <= rounds; round++) {
      const cwd = tempDir('logreg-config-');
      const base = { cwd, dir: workspace };
      let killed: { pid: number | undefined; ended: Promise<unknown> } | undefined;
      if (round % 2 === 0) {
        const endless = helper();
        await play(endless, { ...base, name: 'c', role: 'ready' });
        // Killed once it has saved three times, as the others save.
        const ended = new Promise((resolve) => endless.once('exit', resolve));
        void play(endless, { ...base, name: 'c', role: 'endless' }).then(() =>
          endless.kill('SIGKILL'),
        );
        killed = { pid: endless.pid, ended };
      }
      const saved = await Promise.all([
        play(first, { ...base, name: 'a', role: 'saves' }),
        play(second, { ...base, name: 'b', role: round % 2 === 0 ? 'saves' : 'starts' }),
        play(checker, { ...base, name: 'sigmoid', role: 'check' }),
      ]);
      await killed?.ended;
      expect(saved, `round ${round}`).toEqual([{ saved: true }, { saved: true }, { saved: true }]);

      const store = openProgressStore({ cwd });
      const tasks = store.workspace(workspace).tasks;
      expect(
        {
          a: tasks.a?.hintsShown,
          b: tasks.b?.hintsShown,
          shared: tasks.shared?.hintsShown,
          checks: tasks.sigmoid?.attempts,
          last: store.lastWorkspace(),
        },
        `round ${round}`,
      ).toEqual({ a: hintsEach, b: hintsEach, shared: 2 * hintsEach, checks: 1, last: workspace });
      // No lock is left but the killed tutor's: naming it, or nothing if it died making it.
      const lock = path.join(cwd, 'progress.json.lock');
      const left = existsSync(lock) ? readFileSync(lock, 'utf8') : undefined;
      if (left !== undefined && left !== '')
        expect(JSON.parse(left).pid, `round ${round}`).toBe(killed?.pid);
      else if (left === '') expect(killed, `round ${round}`).toBeDefined();
    }
  }, 120_000);
});
