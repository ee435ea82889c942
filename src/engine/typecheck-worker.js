// The type-checker's thread: TypeScript's language service over a workspace, against the
// workspace's own tsconfig.json. Loading the compiler takes ~0.7 s, so it lives here, off the
// tutor's thread, and stays warm (~20 ms per check afterwards).
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parentPort } from 'node:worker_threads';

// Required at run time from node_modules rather than bundled: the compiler looks for its
// lib.*.d.ts files next to its own file. (A name other than `require`, so esbuild leaves it.)
const load = createRequire(import.meta.url);
/** @type {typeof import('typescript')} */
const ts = load('typescript');

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
  workspaces.set(dir, workspace);
  return workspace;
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
        message: ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'),
        lineText,
      };
    });
}

parentPort?.on('message', (message) => {
  const { id, dir, file } = message;
  try {
    parentPort?.postMessage({ id, diagnostics: check(path.resolve(dir), file) });
  } catch (error) {
    parentPort?.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
