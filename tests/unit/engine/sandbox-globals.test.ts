// One truth about globals: the workspace template's libraries and sandbox-globals.d.ts declare
// what the sandbox gives a run beyond the language, no more (what type-checks, runs) and no
// less (what runs, type-checks). Asked of the real sandbox and of TypeScript, so a change to
// either side that the other does not follow fails here.
import path from 'node:path';
import vm from 'node:vm';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultLimits, Sandbox } from '../../../src/engine/sandbox.js';
import { defaultLessonsDir } from '../../../src/lessons/load.js';

const templateDir = path.join(defaultLessonsDir(), 'workspace');

/** The global values a task file may use, and the members of the sandbox's own objects. */
function declared() {
  const configPath = path.join(templateDir, 'tsconfig.json');
  const config = ts.readConfigFile(configPath, ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, templateDir);
  const probe = path.join(templateDir, 'probe.ts');
  const host = ts.createCompilerHost(parsed.options);
  const readFile = host.readFile.bind(host);
  host.readFile = (file) => (file === probe ? 'export {};\n' : readFile(file));
  host.fileExists = (file) => file === probe || ts.sys.fileExists(file);
  const program = ts.createProgram([...parsed.fileNames, probe], parsed.options, host);
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(probe);
  if (!source) throw new Error('The probe file did not load');
  const globals = checker.getSymbolsInScope(source, ts.SymbolFlags.Value);
  const members = (name: string) => {
    const symbol = globals.find((each) => each.name === name);
    if (!symbol) return [];
    return checker
      .getPropertiesOfType(checker.getTypeOfSymbol(symbol))
      .map((each) => each.name)
      .sort();
  };
  return {
    names: globals.map((symbol) => symbol.name).sort(),
    console: members('console'),
    process: members('process'),
    performance: members('performance'),
  };
}

const sandbox = new Sandbox();
afterAll(() => sandbox.dispose());

/** What a run in the real sandbox finds, in the same terms. */
async function provided() {
  const code = `exports.globals = () => ({
    names: Object.getOwnPropertyNames(globalThis),
    console: Object.keys(console),
    process: Object.keys(process),
    performance: Object.keys(performance),
  });`;
  const loaded = await sandbox.load({ code, filename: 'globals.js' }, defaultLimits);
  expect(loaded.kind).toBe('loaded');
  const outcome = await sandbox.call('globals', []);
  if (outcome.kind !== 'value') throw new Error(`The probe did not run: ${outcome.kind}`);
  const value = outcome.value as Record<string, string[]>;
  const sorted = (key: string) => [...(value[key] ?? [])].sort();
  return {
    names: sorted('names'),
    console: sorted('console'),
    process: sorted('process'),
    performance: sorted('performance'),
  };
}

describe('the globals of a task file', () => {
  it('declares nothing the sandbox lacks, and everything it adds to the language', async () => {
    const types = declared();
    const run = await provided();
    // Declared but missing at run time: a type-check that passes and a run that throws.
    expect(types.names.filter((name) => !run.names.includes(name))).toEqual([]);
    // What the sandbox adds to a bare V8 context must be declared, member by member.
    const language = vm.runInNewContext('Object.getOwnPropertyNames(globalThis)') as string[];
    const added = run.names.filter((name) => !language.includes(name));
    expect(added.length).toBeGreaterThan(0);
    expect(added.filter((name) => !types.names.includes(name))).toEqual([]);
    expect(types.console).toEqual(run.console);
    expect(types.process).toEqual(run.process);
    expect(types.performance).toEqual(run.performance);
  });

  it('has no DOM, no timers and no Node.js', () => {
    const { names } = declared();
    for (const name of ['document', 'window', 'setTimeout', 'fetch', 'require', 'Buffer'])
      expect(names).not.toContain(name);
    expect(names).toEqual(expect.arrayContaining(['Math', 'console', 'structuredClone']));
  });
});
