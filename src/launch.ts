// Starts the built tutor: bin/logreg-tutor.js imports this file (dist/cli.js), which runs the
// tutor's code, one script (dist/tutor-HASH.cjs, from src/cli.tsx), through V8's code cache.
//
// Why a script: most of a start is V8 parsing and compiling ~1 MB of JavaScript (React, Ink,
// commander, zod, the checks). A code cache keeps the bytecode of an earlier start, so the next
// start reads it back instead: the first frame of the TUI went from ~480 to ~350 ms on a 2-core
// machine. Node 22 can do this for ES modules (module.enableCompileCache); Node 20 only for
// classic scripts compiled with node:vm, so the build makes the tutor one CommonJS script. The
// sources stay ES modules.
//
// The cache is a file beside the script, one per kind of start (the TUI, each command, --help
// and --version): they run different code, and each start should read back what it needs. A
// start without a usable cache (the first, or after Node changed) writes one once its start-up
// is over. Where dist/ cannot be written (a system-wide install), the tutor starts as fast as it
// did without a cache.
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { commandNames } from './command-names.js';

/** The tutor script's file name in dist/, set by the build (it carries a hash of the content). */
declare const TUTOR_SCRIPT: string;

// Long enough for the TUI's first frame and what follows it (the first check, the watcher).
const writeAfterMs = 2000;

const script = fileURLToPath(new URL(`./${TUTOR_SCRIPT}`, import.meta.url));
const args = process.argv.slice(2);
const kind =
  args.find((arg) => commandNames.includes(arg)) ??
  (args.some((arg) => ['-h', '--help', '-v', '--version'].includes(arg)) ? 'info' : 'tui');
// The script's name changes with its content, so a cache never meets another build's code.
const cacheFile = `${script}.${kind}.cache`;

/** The script compiled, with the size of the cache it was compiled from (0: none, or rejected). */
function compile(): { compiled: vm.Script; loadedBytes: number } {
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    // No cache yet: compiled from source, and one is written below.
  }
  // The wrapper Node gives CommonJS modules, so the script runs as one.
  const compiled = new vm.Script(
    `(function (exports, require, module, __filename, __dirname) {${readFileSync(script, 'utf8')}\n})`,
    { filename: script, cachedData },
  );
  return { compiled, loadedBytes: compiled.cachedDataRejected ? 0 : (cachedData?.length ?? 0) };
}

// The cache's bytes are not kept: once compiled from, they are a megabyte of nothing.
const { compiled, loadedBytes } = compile();

// A TUI start also replaces a cache that holds much less than it compiled: one written by a
// start that ended early (no terminal, a bad --workspace) would otherwise stay for good.
if (loadedBytes === 0 || kind === 'tui') {
  let written = false;
  const writeCache = () => {
    if (written) return;
    written = true;
    const temporary = `${cacheFile}.${process.pid}`;
    try {
      const data = compiled.createCachedData();
      if (data.length <= loadedBytes * 1.2) return;
      // Through a file of its own and a rename: two tutors starting at once never read half a cache.
      writeFileSync(temporary, data);
      renameSync(temporary, cacheFile);
    } catch {
      rmSync(temporary, { force: true });
    }
  };
  setTimeout(writeCache, writeAfterMs).unref();
  process.once('exit', writeCache);
}

const module = { exports: {} };
const run = compiled.runInThisContext() as (...args: unknown[]) => void;
run(module.exports, createRequire(script), module, script, path.dirname(script));
