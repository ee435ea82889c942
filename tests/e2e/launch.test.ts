// The built tutor starts through V8's code cache (src/launch.ts): a start writes the cache of its
// kind beside the script, the next start of that kind reads it back, and a cache that cannot be
// read or written never stops the tutor.
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openToOrdinaryUser, ordinaryUser, type SpawnUser } from '../helpers/ordinary-user.js';
import { tempDir } from '../helpers/temp.js';
import { ensureBuilt, hasTmux, tmuxServer, until } from '../helpers/tmux.js';

const repo = path.resolve(import.meta.dirname, '../..');
const version = (
  JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')) as {
    version: string;
  }
).version;

/** A copy of the built tutor, so its caches are this test's alone. */
function copyOfTutor(): string {
  ensureBuilt();
  const dir = tempDir('logreg-launch-');
  for (const part of ['bin', 'dist', 'lessons', 'package.json'])
    cpSync(path.join(repo, part), path.join(dir, part), {
      recursive: true,
      // Not the caches that other tests' runs of the repo's tutor wrote.
      filter: (source) => !source.endsWith('.cache'),
    });
  symlinkSync(path.join(repo, 'node_modules'), path.join(dir, 'node_modules'));
  return dir;
}

function tutor(dir: string, args: readonly string[], user: SpawnUser | null = {}) {
  return spawnSync(process.execPath, [path.join(dir, 'bin', 'logreg-tutor.js'), ...args], {
    ...user,
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', LOGREG_TUTOR_CONFIG_DIR: path.join(dir, 'config') },
  });
}

const caches = (dir: string) =>
  readdirSync(path.join(dir, 'dist'))
    .filter((file) => file.endsWith('.cache'))
    .sort();

describe('the code cache', () => {
  it('is written by a first start and read back by the next', () => {
    const dir = copyOfTutor();
    expect(caches(dir)).toEqual([]);
    expect(tutor(dir, ['--version']).stdout.trim()).toBe(version);
    const [cache] = caches(dir);
    expect(cache).toMatch(/^tutor-\w+\.cjs\.info\.cache$/);
    const file = path.join(dir, 'dist', cache ?? '');
    const first = statSync(file);
    expect(first.size).toBeGreaterThan(10_000);

    const again = tutor(dir, ['--version']);
    expect(again.status).toBe(0);
    expect(again.stdout.trim()).toBe(version);
    // Read back, not rewritten: a new cache would be a new file renamed into place.
    expect(statSync(file).ino).toBe(first.ino);
    expect(caches(dir)).toEqual([cache]);
  });

  it('is kept per kind of start: a command writes its own', () => {
    const dir = copyOfTutor();
    tutor(dir, ['--version']);
    const run = tutor(dir, ['init', path.join(dir, 'lab')]);
    expect(run.status).toBe(0);
    expect(caches(dir).map((file) => file.replace(/^tutor-\w+\.cjs\./, ''))).toEqual([
      'info.cache',
      'init.cache',
    ]);
  });

  it('is replaced when it is damaged, and the tutor starts as usual', () => {
    const dir = copyOfTutor();
    tutor(dir, ['--version']);
    const [cache] = caches(dir);
    const file = path.join(dir, 'dist', cache ?? '');
    writeFileSync(file, 'not a code cache');
    const run = tutor(dir, ['--version']);
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe(version);
    expect(statSync(file).size).toBeGreaterThan(10_000);
  });

  const server = tmuxServer('logreg-launch');
  afterAll(() => server.kill());

  it.skipIf(!hasTmux)(
    'is replaced by a TUI start when a start that ended early wrote it',
    async () => {
      const dir = copyOfTutor();
      const workspace = path.join(dir, 'lab');
      expect(tutor(dir, ['init', workspace]).status).toBe(0);
      // Without a terminal the TUI stops at once, and its cache holds the little it compiled.
      expect(tutor(dir, ['-w', workspace]).status).toBe(2);
      const cache = caches(dir).find((file) => file.endsWith('.tui.cache'));
      expect(cache).toBeDefined();
      const file = path.join(dir, 'dist', cache ?? '');
      const early = statSync(file);

      server.launch('tui', {
        tutorDir: dir,
        env: { LOGREG_TUTOR_CONFIG_DIR: path.join(dir, 'config') },
        args: ['-w', workspace],
        columns: 100,
        rows: 30,
      });
      await server.waitForText('tui', /tasks passed|Welcome/);
      // Written two seconds into the start, in place of the small one.
      await until('the TUI to replace the cache', () => statSync(file).ino !== early.ino);
      expect(statSync(file).size).toBeGreaterThan(early.size * 1.2);
    },
  );

  // Needs a user other than root: root writes into read-only folders.
  it.skipIf(ordinaryUser() === null)('is skipped where dist/ cannot be written', () => {
    const dir = openToOrdinaryUser(copyOfTutor());
    chmodSync(path.join(dir, 'dist'), 0o555);
    try {
      const run = tutor(dir, ['--version'], ordinaryUser());
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(run.stdout.trim()).toBe(version);
      expect(caches(dir)).toEqual([]);
    } finally {
      chmodSync(path.join(dir, 'dist'), 0o755);
    }
  });
});
