// The type-checker's process: TypeScript's language service over a workspace, against the
// workspace's own tsconfig.json, answering the tutor over the IPC channel of
// `child_process.fork`. A process of its own rather than a thread, so the compiler's memory
// (~80 MB once warm) is not the tutor's and is given back whole when the tutor stops it.
// Loading the compiler takes ~0.5 s; warm, a check takes ~20 ms.
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

// The tutor gone (quit, killed, crashed) closes the channel: nothing is left to answer.
process.on('disconnect', () => process.exit(0));

// Required at run time from node_modules rather than bundled: the compiler looks for its
// lib.*.d.ts files next to its own file. (A name other than `require`, so esbuild leaves it.)
const load = createRequire(import.meta.url);
/** @type {typeof import('typescript')} */
const ts = load('typescript');

// Student code runs in a sandbox whose only globals beyond the language are these (see
// sandbox-worker.js), so the workspace template's "DOM" lib stands for them alone. Parsing the
// real lib.dom.d.ts (1.9 MB) would cost ~50 MB and seconds on every cold start, and would
// accept `document` or `setTimeout`, which fail at run time. Signatures as in lib.dom.d.ts,
// so what passes here passes in the student's editor too.
const domLibFile = path.join(path.dirname(ts.getDefaultLibFilePath({})), 'lib.dom.d.ts');
const sandboxGlobals = `
interface Console {
  assert(condition?: boolean, ...data: any[]): void;
  clear(): void;
  count(label?: string): void;
  countReset(label?: string): void;
  debug(...data: any[]): void;
  dir(item?: any, options?: any): void;
  dirxml(...data: any[]): void;
  error(...data: any[]): void;
  group(...data: any[]): void;
  groupCollapsed(...data: any[]): void;
  groupEnd(): void;
  info(...data: any[]): void;
  log(...data: any[]): void;
  table(tabularData?: any, properties?: string[]): void;
  time(label?: string): void;
  timeEnd(label?: string): void;
  timeLog(label?: string, ...data: any[]): void;
  timeStamp(label?: string): void;
  trace(...data: any[]): void;
  warn(...data: any[]): void;
}
declare var console: Console;
interface Performance {
  now(): number;
}
declare var performance: Performance;
declare function structuredClone<T = any>(value: T): T;
`;

/** @typedef {{ service: import('typescript').LanguageService, options: import('typescript').CompilerOptions, files: string[] }} Workspace */

/** @type {Map<string, Workspace>} */
const workspaces = new Map();
// Shared, so the compiler's lib files are parsed once however many workspaces are checked.
const registry = ts.createDocumentRegistry();

// The options of the workspace template, for a workspace whose tsconfig.json was deleted.
const fallbackOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
  types: [],
  strict: true,
  noEmit: true,
  skipLibCheck: true,
};

/**
 * Reads the workspace's tsconfig.json afresh (the student may edit it, or add files).
 * @param {string} dir
 * @returns {{ options: import('typescript').CompilerOptions, files: string[] }}
 */
function readConfig(dir) {
  const configPath = path.join(dir, 'tsconfig.json');
  if (!ts.sys.fileExists(configPath)) {
    const files = ts.sys.readDirectory(dir, ['.ts'], undefined, undefined, 1);
    return { options: fallbackOptions, files };
  }
  const read = ts.readConfigFile(configPath, ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(
    read.config ?? {},
    ts.sys,
    dir,
    undefined,
    configPath,
  );
  // noEmit: nothing is ever written, whatever the student's tsconfig says.
  return { options: { ...parsed.options, noEmit: true }, files: parsed.fileNames };
}

/** @param {string} file */
function versionOf(file) {
  try {
    return String(statSync(file).mtimeMs);
  } catch {
    return 'missing';
  }
}

/**
 * @param {string} dir
 * @returns {Workspace}
 */
function workspaceFor(dir) {
  const known = workspaces.get(dir);
  const config = readConfig(dir);
  if (known && JSON.stringify(known.options) === JSON.stringify(config.options)) {
    known.files = config.files;
    return known;
  }
  /** @type {Workspace} */
  const workspace = {
    options: config.options,
    files: config.files,
    service: /** @type {any} */ (undefined),
  };
  /** @param {string} file */
  const inWorkspace = (file) => path.dirname(path.resolve(file)) === dir;
  /** @type {import('typescript').LanguageServiceHost} */
  const host = {
    getScriptFileNames: () => workspace.files,
    // The compiler's own lib files never change while the tutor runs.
    getScriptVersion: (file) => (inWorkspace(file) ? versionOf(file) : '0'),
    getScriptSnapshot: (file) => {
      if (path.resolve(file) === domLibFile) return ts.ScriptSnapshot.fromString(sandboxGlobals);
      const text = ts.sys.readFile(file);
      return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
    },
    getCurrentDirectory: () => dir,
    getCompilationSettings: () => workspace.options,
    getDefaultLibFileName: (options) => ts.getDefaultLibFilePath(options),
    fileExists: ts.sys.fileExists,
    readFile: ts.sys.readFile,
    readDirectory: ts.sys.readDirectory,
    directoryExists: ts.sys.directoryExists,
    getDirectories: ts.sys.getDirectories,
  };
  workspace.service = ts.createLanguageService(host, registry);
  // Another tsconfig for the same folder: the old program's files are released.
  known?.service.dispose();
  workspaces.set(dir, workspace);
  return workspace;
}

// TypeScript's advice for a browser name (add 'dom' to lib) is wrong here: the tsconfig has it,
// and the sandbox has no browser.
const domAdvice = new Set([2584, 2812]);

/** @param {import('typescript').Diagnostic} diagnostic */
function studentMessage(diagnostic) {
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
  if (!domAdvice.has(diagnostic.code)) return message;
  const sentence = message.replace(/\.\s.*$/s, '.');
  return `${sentence} Checks run your code without a browser or Node.js: beyond the language there are only console, performance.now() and structuredClone().`;
}

/**
 * Type errors of one file, located in the student's terms.
 * @param {string} dir
 * @param {string} file
 */
function check(dir, file) {
  const workspace = workspaceFor(dir);
  const fileName = path.join(dir, file);
  if (!workspace.files.some((name) => path.resolve(name) === fileName))
    workspace.files = [...workspace.files, fileName];
  const found = [
    ...workspace.service.getSyntacticDiagnostics(fileName),
    ...workspace.service.getSemanticDiagnostics(fileName),
  ];
  return found
    .filter((diagnostic) => diagnostic.category === ts.DiagnosticCategory.Error)
    .map((diagnostic) => {
      const source = diagnostic.file;
      const start =
        source && diagnostic.start !== undefined
          ? source.getLineAndCharacterOfPosition(diagnostic.start)
          : undefined;
      const lineText = source && start ? (source.text.split(/\r?\n/)[start.line] ?? '') : '';
      return {
        file: source ? path.relative(dir, source.fileName) : file,
        line: start ? start.line + 1 : 0,
        column: start ? start.character + 1 : 0,
        message: studentMessage(diagnostic),
        lineText,
      };
    });
}

process.on('message', (/** @type {{ id: number, dir: string, file: string }} */ message) => {
  const { id, dir, file } = message;
  /** @type {unknown} */
  let reply;
  try {
    reply = { id, diagnostics: check(path.resolve(dir), file) };
  } catch (error) {
    reply = { id, error: error instanceof Error ? error.message : String(error) };
  }
  // The tutor may have gone while this check ran.
  if (process.connected) process.send?.(reply);
});
