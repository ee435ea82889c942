// How the command starts (bin/logreg-tutor.js): it refuses a Node older than the floor in one
// line, and keeps Node's compile cache in the user's cache folder, never in the package.
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  existsSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  noOrdinaryUser,
  openToOrdinaryUser,
  requireOrdinaryUser,
  type SpawnUser,
} from '../helpers/ordinary-user.js';
import { tempDir } from '../helpers/temp.js';
import { ensureBuilt } from '../helpers/tmux.js';

const repo = path.resolve(import.meta.dirname, '../..');
const manifest = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')) as {
  version: string;
  engines: { node: string };
};
const floor = /^>=(\d+\.\d+\.\d+)$/.exec(manifest.engines.node)?.[1] ?? '';

/** A copy of the built tutor, so what a start writes beside it is this test's alone. */
function copyOfTutor(): string {
  ensureBuilt();
  const dir = tempDir('logreg-launch-');
  for (const part of ['bin', 'dist', 'lessons', 'package.json'])
    cpSync(path.join(repo, part), path.join(dir, part), { recursive: true });
  symlinkSync(path.join(repo, 'node_modules'), path.join(dir, 'node_modules'));
  return dir;
}

function tutor(
  dir: string,
  args: readonly string[],
  options: { node?: string; cacheDir?: string; user?: SpawnUser } = {},
) {
  return spawnSync(
    options.node ?? process.execPath,
    [path.join(dir, 'bin', 'logreg-tutor.js'), ...args],
    {
      ...options.user,
      cwd: dir,
      encoding: 'utf8',
      env: {
        ...process.env,
        NO_COLOR: '1',
        LOGREG_TUTOR_CONFIG_DIR: path.join(dir, 'config'),
        LOGREG_TUTOR_CACHE_DIR: options.cacheDir ?? path.join(dir, 'cache'),
      },
    },
  );
}

/** Every file under `dir`, relative to it. */
const filesUnder = (dir: string): string[] =>
  existsSync(dir) ? readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort() : [];

/** A Node on the PATH older than the floor (the machine's own), if there is one. */
function olderNode(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir.includes('node_modules')) continue;
    const node = path.join(dir, 'node');
    const run = spawnSync(node, ['-p', 'process.versions.node'], { encoding: 'utf8' });
    const version = run.stdout?.trim().split('.').map(Number) ?? [];
    const [major = 0, minor = 0] = version;
    if (run.status === 0 && (major < 22 || (major === 22 && minor < 13))) return node;
  }
  return undefined;
}

describe('starting the tutor', () => {
  it('names the same Node floor in package.json and in the bin', () => {
    expect(floor).toMatch(/^22\.\d+\.\d+$/);
    const bin = readFileSync(path.join(repo, 'bin', 'logreg-tutor.js'), 'utf8');
    expect(bin).toContain(`const floor = [${floor.split('.').join(', ')}];`);
  });

  it('says in one line that a copy without its build (an install from git) was never built', () => {
    const dir = copyOfTutor();
    rmSync(path.join(dir, 'dist'), { recursive: true });
    const run = tutor(dir, ['--version']);
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe(
      'logreg-tutor: this copy was never built (it has no dist/); install it from a packed tarball, as the README says.',
    );
  });

  // CI's machine has Node 20 as its system Node; elsewhere one may not be at hand.
  const node = olderNode();
  it.skipIf(node === undefined && process.env.CI !== 'true')(
    'refuses an older Node in one line',
    () => {
      expect(node, 'an older Node on the PATH').toBeDefined();
      const dir = copyOfTutor();
      const run = tutor(dir, ['--version'], { node: node ?? '' });
      const version = spawnSync(node ?? '', ['-p', 'process.versions.node'], {
        encoding: 'utf8',
      }).stdout.trim();
      expect(run.status).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe(`logreg-tutor needs Node ≥ ${floor}; this is ${version}\n`);
    },
  );

  it('keeps the compile cache in the cache folder, not in the package', () => {
    const dir = copyOfTutor();
    const before = filesUnder(dir).filter((file) => !file.startsWith('node_modules'));
    const first = tutor(dir, ['init', path.join(dir, 'lab')]);
    expect(first.status).toBe(0);
    const cached = filesUnder(path.join(dir, 'cache'));
    expect(cached.length).toBeGreaterThan(0);
    const again = tutor(dir, ['--version']);
    expect(again.stdout.trim()).toBe(manifest.version);
    const after = filesUnder(dir).filter(
      (file) => !/^(node_modules|cache|config|lab)(\/|$)/.test(file),
    );
    expect(after).toEqual(before);
  });

  // Needs a user other than root: root writes into read-only folders.
  it.skipIf(noOrdinaryUser())('starts where the cache folder cannot be written', () => {
    const dir = openToOrdinaryUser(copyOfTutor());
    const cacheDir = path.join(dir, 'cache');
    cpSync(path.join(dir, 'bin'), cacheDir, { recursive: true });
    chmodSync(cacheDir, 0o555);
    try {
      const run = tutor(dir, ['--version'], { cacheDir, user: requireOrdinaryUser() });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(run.stdout.trim()).toBe(manifest.version);
    } finally {
      chmodSync(cacheDir, 0o755);
    }
  });
});
