// What the package holds and how it is built: the same sources give the same bytes, Ink's text
// libraries are bundled once, the bundled packages' licenses ship, and the tarball holds what
// the installed tutor reads and nothing it does not.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Metafile } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import Yoga from 'yoga-layout';
import { bundledPackageDirs } from '../../build/third-party-notices.js';
import { yogaFromFile } from '../../build/yoga-plugin.js';
import { loadCourse } from '../../src/lessons/load.js';
import { tempDir } from '../helpers/temp.js';
import { ensureBuilt } from '../helpers/tmux.js';

const repo = path.resolve(import.meta.dirname, '../..');
const manifest = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** Builds the tutor into a fresh folder, as `npm run build` does into dist/. */
function buildInto(dir: string, ...flags: string[]): Metafile {
  const metafile = path.join(path.dirname(dir), `${path.basename(dir)}.meta.json`);
  execFileSync(
    process.execPath,
    ['esbuild.config.js', '--outdir', dir, '--metafile', metafile, ...flags],
    { cwd: repo, env: { ...process.env, LOGREG_TUTOR_DEBUG: '' } },
  );
  return JSON.parse(readFileSync(metafile, 'utf8')) as Metafile;
}

/** Every file under `dir`, by relative path, with its bytes. */
function contents(dir: string): Map<string, Buffer> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) =>
    entry.isFile(),
  );
  return new Map(
    files.map((entry) => {
      const file = path.join(entry.parentPath, entry.name);
      return [path.relative(dir, file), readFileSync(file)];
    }),
  );
}

describe('the build', () => {
  const temp = tempDir('logreg-build-');
  const first = path.join(temp, 'first');
  const second = path.join(temp, 'second');
  let metafile: Metafile;
  beforeAll(() => {
    metafile = buildInto(first);
    buildInto(second);
  }, 120_000);

  it('gives byte-identical output from the same sources', () => {
    const a = contents(first);
    const b = contents(second);
    expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
    expect(a.has('cli.js')).toBe(true);
    for (const [file, bytes] of a)
      expect(bytes.equals(b.get(file) ?? Buffer.alloc(0)), file).toBe(true);
  });

  it('writes no source maps unless asked', () => {
    expect([...contents(first).keys()].filter((file) => file.endsWith('.map'))).toEqual([]);
    const debug = path.join(temp, 'debug');
    buildInto(debug, '--sourcemap');
    expect([...contents(debug).keys()]).toContain('cli.js.map');
  }, 60_000);

  it('bundles one copy of each text library Ink draws with, the one Ink resolves', () => {
    const dirs = bundledPackageDirs(metafile);
    for (const name of ['string-width', 'wrap-ansi', 'cli-truncate', 'widest-line']) {
      // Node's lookup from Ink's folder: its own node_modules first, then the top level.
      const nested = `node_modules/ink/node_modules/${name}`;
      const inks = existsSync(path.join(repo, nested)) ? nested : `node_modules/${name}`;
      const copies = dirs.filter((dir) => dir.endsWith(`node_modules/${name}`));
      // cli-table3 (marked-terminal's lesson tables) is CommonJS and needs string-width 4, which
      // cannot stand in for 8: its copy serves only the tables, never Ink or the tutor.
      const others = copies.filter((dir) => dir !== inks);
      for (const other of others) {
        const users = Object.entries(metafile.inputs)
          .filter(
            ([input, { imports }]) =>
              !input.startsWith(`${other}/`) &&
              imports.some((imported) => imported.path.startsWith(`${other}/`)),
          )
          .map(([input]) => input);
        expect(users.length, other).toBeGreaterThan(0);
        for (const user of users) expect(user).toMatch(/node_modules\/cli-table3\//);
      }
      expect(copies, name).toContain(inks);
      // The tutor's own imports of it are Ink's copy too (a direct devDependency at Ink's version).
      const direct = path.join('node_modules', name);
      if (name in manifest.devDependencies) expect(inks, name).toBe(direct);
    }
  });

  it("lays out with Yoga compiled from dist/yoga.wasm exactly as with yoga-layout's own loader", async () => {
    expect(Object.keys(metafile.inputs)).toContain('build/yoga.js');
    const out = path.join(temp, 'yoga');
    await build({
      absWorkingDir: repo,
      stdin: { contents: "export { default } from 'yoga-layout';", resolveDir: repo },
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile: path.join(out, 'yoga.mjs'),
      plugins: [yogaFromFile(out)],
      logLevel: 'error',
    });
    const built = (await import(pathToFileURL(path.join(out, 'yoga.mjs')).href)) as {
      default: typeof Yoga;
    };
    const layout = (yoga: typeof Yoga) => {
      const rootNode = yoga.Node.create();
      rootNode.setWidth(100);
      rootNode.setFlexDirection(yoga.FLEX_DIRECTION_ROW);
      for (const grow of [1, 2]) {
        const child = yoga.Node.create();
        child.setFlexGrow(grow);
        child.setHeight(3);
        rootNode.insertChild(child, rootNode.getChildCount());
      }
      rootNode.calculateLayout(undefined, undefined, yoga.DIRECTION_LTR);
      return [0, 1].map((index) => rootNode.getChild(index).getComputedLayout());
    };
    expect(layout(built.default)).toEqual(layout(Yoga));
    expect(layout(Yoga)[1]?.width).toBe(67);
  });

  it("loads none of the engine's heavier parts before the TUI's first frame", () => {
    // What the first frame waits for: the entry (main.ts), the chunks of tutor.ts, and of the
    // services and the TUI it imports together, and every chunk they import statically.
    // Everything else comes after it.
    const { outputs } = metafile;
    const chunkOf = (input: string) => {
      const found = Object.keys(outputs).find((output) => input in (outputs[output]?.inputs ?? {}));
      if (found === undefined) throw new Error(`${input} is in no output`);
      return found;
    };
    const reached = new Set(
      ['src/cli/main.ts', 'src/cli/tutor.ts', 'src/tutor-services.ts', 'src/ui/run-tui.tsx'].map(
        chunkOf,
      ),
    );
    for (const output of reached)
      for (const imported of outputs[output]?.imports ?? [])
        if (imported.kind === 'import-statement' && imported.path in outputs)
          reached.add(imported.path);
    const inputs = [...reached].flatMap((output) => Object.keys(outputs[output]?.inputs ?? {}));
    expect(inputs).toContain('src/ui/app/App.tsx');
    const later = [
      /^node_modules\/(conf|ajv|chokidar|fast-check|esbuild|typescript)\//,
      /^src\/engine\/(sandbox|sandbox-process|run-task|transpile|esbuild|typecheck|check-kit|watch)\.ts$/,
      /^lessons\/(.+\/)?checks\.ts$/,
      // The command line: the tutor with no command starts without it.
      /^node_modules\/commander\//,
      /^src\/cli\/program\.ts$/,
    ];
    expect(inputs.filter((input) => later.some((pattern) => pattern.test(input)))).toEqual([]);
  });

  it('names every bundled package, with its license, in the notices', () => {
    const notices = readFileSync(path.join(first, 'THIRD-PARTY-NOTICES.txt'), 'utf8');
    const dirs = bundledPackageDirs(metafile);
    expect(dirs.length).toBeGreaterThan(40);
    for (const dir of dirs) {
      const { name, version } = JSON.parse(
        readFileSync(path.join(repo, dir, 'package.json'), 'utf8'),
      ) as { name: string; version: string };
      expect(notices, dir).toContain(`\n${name}@${version} (`);
    }
    expect(notices).toContain('Permission is hereby granted');
  });

  it('leaves out only what the package depends on at run time', () => {
    const external = new Set(
      Object.values(metafile.outputs).flatMap((output) =>
        output.imports
          .filter((imported) => imported.external && !isBuiltin(imported.path))
          .map((imported) => imported.path),
      ),
    );
    // Packages loaded through createRequire (esbuild and TypeScript, when first needed), which
    // the metafile does not see: a call with the package's name alone, `load("typescript")`.
    const names = [...Object.keys(manifest.dependencies), ...Object.keys(manifest.devDependencies)];
    for (const [file, bytes] of contents(first)) {
      if (!file.endsWith('.js')) continue;
      const text = bytes.toString('utf8');
      for (const name of names) if (text.includes(`("${name}")`)) external.add(name);
    }
    // The React devtools load only with DEV=true and when installed: not a dependency.
    external.delete('react-devtools-core');
    // bin/logreg-tutor.js runs before the bundle, unbundled.
    const bin = readFileSync(path.join(repo, 'bin/logreg-tutor.js'), 'utf8');
    for (const match of bin.matchAll(/^import .* from '([^.][^']*)';$/gm))
      if (match[1] && !isBuiltin(match[1])) external.add(match[1]);
    expect([...external].sort()).toEqual(Object.keys(manifest.dependencies).sort());
  });
});

describe('the packed tarball', () => {
  let files: string[];
  beforeAll(() => {
    ensureBuilt();
    const [packed] = JSON.parse(
      execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
        cwd: repo,
        encoding: 'utf8',
      }),
    ) as { files: { path: string }[] }[];
    files = (packed?.files ?? []).map((file) => file.path);
  }, 60_000);

  it('holds the license, the notices and the tutor, and no source maps', () => {
    for (const file of [
      'LICENSE',
      'README.md',
      'package.json',
      'bin/logreg-tutor.js',
      'dist/cli.js',
      'dist/THIRD-PARTY-NOTICES.txt',
      'dist/lessons-validated.json',
      'dist/yoga.wasm',
    ])
      expect(files).toContain(file);
    expect(files.filter((file) => file.endsWith('.map'))).toEqual([]);
  });

  it('holds the lesson files the tutor reads, and not the checks, which are bundled', () => {
    expect(files.filter((file) => file.endsWith('checks.ts'))).toEqual([]);
    const copy = tempDir('logreg-packed-');
    for (const file of files.filter((name) => name.startsWith('lessons/')))
      cpSync(path.join(repo, file), path.join(copy, file));
    const course = loadCourse(path.join(copy, 'lessons'));
    expect(course.tasks.length).toBeGreaterThanOrEqual(8);
    for (const task of course.tasks) {
      expect(task.starter).not.toBe('');
      expect(task.solution).not.toBe('');
    }
  });
});
