// The type-checker's process: TypeScript's language service over a workspace, against the
// workspace's own tsconfig.json with the libraries and globals of the tutor's workspace template
// (what the sandbox gives a run), answering the tutor over the IPC channel of
// `child_process.fork`. A process of its own rather than a thread, so the compiler's memory
// (~80 MB once warm) is not the tutor's and is given back whole when the tutor stops it.
// Loading the compiler takes ~0.5 s; warm, a check takes ~20 ms.
import { realpathSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

// The tutor gone (quit, killed, crashed) closes the channel: nothing is left to answer.
process.on('disconnect', () => process.exit(0));

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

/** The name of the declarations of the sandbox's globals, in the template and in a workspace. */
const globalsName = 'sandbox-globals.d.ts';

/**
 * @typedef {{ options: import('typescript').CompilerOptions, globalsFile: string }} Template
 * The workspace template shipped with the tutor: its compiler options and the file that
 * declares what the sandbox gives a run beyond the language.
 */

/** @type {Map<string, Template>} */
const templates = new Map();

/**
 * The template in `dir`, read once.
 * @param {string} dir
 * @returns {Template}
 */
function templateIn(dir) {
  const known = templates.get(dir);
  if (known) return known;
  const parsed = parseConfig(dir);
  if (!parsed) throw new Error(`The workspace template in ${dir} has no tsconfig.json.`);
  const template = { options: parsed.options, globalsFile: path.join(dir, globalsName) };
  templates.set(dir, template);
  return template;
}

/**
 * `dir`'s tsconfig.json, or undefined when there is none.
 * @param {string} dir
 */
function parseConfig(dir) {
  const configPath = path.join(dir, 'tsconfig.json');
  if (!ts.sys.fileExists(configPath)) return undefined;
  const read = ts.readConfigFile(configPath, ts.sys.readFile);
  return ts.parseJsonConfigFileContent(read.config ?? {}, ts.sys, dir, undefined, configPath);
}

/**
 * Reads the workspace's tsconfig.json afresh (the student may edit it, or add files), with the
 * template's libraries and globals in place of the workspace's own: the sandbox gives every run
 * the same globals, whatever a tsconfig or a declarations file in the workspace says (a
 * workspace made by an older tutor says "DOM").
 * @param {string} dir
 * @param {Template} template
 * @returns {{ options: import('typescript').CompilerOptions, files: string[] }}
 */
function readConfig(dir, template) {
  const parsed = parseConfig(dir);
  const own = parsed
    ? parsed.fileNames
    : ts.sys.readDirectory(dir, ['.ts'], undefined, undefined, 1);
  return {
    // noEmit: nothing is ever written, whatever the student's tsconfig says.
    options: {
      ...(parsed?.options ?? template.options),
      lib: template.options.lib,
      types: template.options.types,
      noEmit: true,
    },
    files: [...own.filter((file) => path.basename(file) !== globalsName), template.globalsFile],
  };
}

/**
 * Whether a path is inside one of `roots`, after links: a link in the workspace to a file
 * outside is outside.
 * @param {string[]} roots
 * @returns {(file: string) => boolean}
 */
function readableWithin(roots) {
  const real = roots.map(realPath);
  return (file) => {
    const target = realPath(file);
    return real.some((root) => {
      const relative = path.relative(root, target);
      return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
    });
  };
}

/** @param {string} file The path with its links resolved, or as it is if it does not exist. */
function realPath(file) {
  try {
    return realpathSync(file);
  } catch {
    return path.resolve(file);
  }
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
 * @param {Template} template
 * @returns {Workspace}
 */
function workspaceFor(dir, template) {
  const known = workspaces.get(dir);
  const config = readConfig(dir, template);
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
  // The student's files decide what the compiler opens (`/// <reference path>`, an absolute
  // import, tsconfig `files`), and a type error quotes what it read: a string literal of any
  // file would reach the screen. So it reads the workspace, the template and its own libraries.
  const readable = readableWithin([
    dir,
    path.dirname(template.globalsFile),
    path.dirname(ts.getDefaultLibFilePath(workspace.options)),
  ]);
  /** @type {import('typescript').LanguageServiceHost} */
  const host = {
    getScriptFileNames: () => workspace.files,
    // The compiler's own lib files never change while the tutor runs.
    getScriptVersion: (file) => (inWorkspace(file) ? versionOf(file) : '0'),
    getScriptSnapshot: (file) => {
      const text = readable(file) ? ts.sys.readFile(file) : undefined;
      return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
    },
    getCurrentDirectory: () => dir,
    getCompilationSettings: () => workspace.options,
    getDefaultLibFileName: (options) => ts.getDefaultLibFilePath(options),
    fileExists: (file) => readable(file) && ts.sys.fileExists(file),
    readFile: (file, encoding) => (readable(file) ? ts.sys.readFile(file, encoding) : undefined),
    readDirectory: (folder, ...rest) =>
      readable(folder) ? ts.sys.readDirectory(folder, ...rest) : [],
    directoryExists: (folder) => readable(folder) && ts.sys.directoryExists(folder),
    getDirectories: (folder) => (readable(folder) ? ts.sys.getDirectories(folder) : []),
  };
  workspace.service = ts.createLanguageService(host, registry);
  // Another tsconfig for the same folder: the old program's files are released.
  known?.service.dispose();
  workspaces.set(dir, workspace);
  return workspace;
}

// TypeScript's advice for a browser or Node.js name (add 'dom' to lib, install @types/node) is
// wrong here: the sandbox has neither, whatever the student installs.
const libraryAdvice = new Set([2580, 2584, 2591, 2812]);

/** @param {import('typescript').Diagnostic} diagnostic */
function studentMessage(diagnostic) {
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
  if (!libraryAdvice.has(diagnostic.code)) return message;
  const sentence = message.replace(/\.\s.*$/s, '.');
  return `${sentence} Checks run your code without a browser or Node.js: beyond the language there is only what ${globalsName} declares (console, performance.now(), structuredClone(), process.exit()).`;
}

/**
 * Type errors of one file, located in the student's terms.
 * @param {string} dir
 * @param {string} file
 * @param {string} templateDir
 */
function check(dir, file, templateDir) {
  const workspace = workspaceFor(dir, templateIn(templateDir));
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

process.on(
  'message',
  (/** @type {{ id: number, dir: string, file: string, template: string }} */ message) => {
    const { id, dir, file, template } = message;
    /** @type {unknown} */
    let reply;
    try {
      reply = { id, diagnostics: check(path.resolve(dir), file, path.resolve(template)) };
    } catch (error) {
      reply = { id, error: error instanceof Error ? error.message : String(error) };
    }
    // The tutor may have gone while this check ran.
    if (process.connected) process.send?.(reply);
  },
);
