// Runs a bundle the way the sandbox does (CommonJS, compiled with its own file name, so stack
// traces point into it), but in the test's own realm: for tests of the bundler, not the sandbox.
import vm from 'node:vm';
import type { Bundle } from '../../src/engine/transpile.js';

/** The exports of `bundle`. */
// biome-ignore lint/suspicious/noExplicitAny: the exports of a student file are whatever it exports
export function loadBundle(bundle: Bundle): Record<string, any> {
  const module = { exports: {} };
  const body = vm.compileFunction(bundle.code, ['exports', 'module', 'require'], {
    filename: bundle.filename,
  });
  body(module.exports, module, (name: string) => {
    throw new Error(`the bundle requires ${name}`);
  });
  return module.exports;
}
