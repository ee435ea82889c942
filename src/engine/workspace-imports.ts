// The esbuild plugin that confines a bundle to the workspace: it resolves every import itself
// (real paths, so no link leads out), reads each file itself (capped in size), and so keeps
// esbuild's own resolver, with its look for tsconfig.json and package.json files in parent
// folders, out of the build.
import { lstat, open, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Loader, OnLoadResult, OnResolveResult, Plugin } from 'esbuild';

/**
 * The most source, in bytes, the task file and everything it imports may hold together. The
 * lab's files are a few kilobytes; a file of generated data megabytes long could not be bundled
 * and checked within the time limit, so it is refused at once with a message saying why.
 */
export const maxBundleBytes = 1024 * 1024;

/** What task files may import, by extension: the loader esbuild reads each with. */
const loaders: Readonly<Record<string, Loader>> = {
  '.ts': 'ts',
  '.mts': 'ts',
  '.cts': 'ts',
  '.tsx': 'tsx',
  '.js': 'js',
  '.mjs': 'js',
  '.cjs': 'js',
  '.jsx': 'jsx',
  '.json': 'json',
};

/** Tried in this order for an import without an extension, as esbuild's resolver does. */
const resolveExtensions = ['.tsx', '.ts', '.jsx', '.js', '.json'];

/** `./lab.js` names `./lab.ts` in TypeScript's convention. */
const typeScriptFor: Readonly<Record<string, readonly string[]>> = {
  '.js': ['.ts', '.tsx'],
  '.jsx': ['.ts', '.tsx'],
  '.mjs': ['.mts'],
  '.cjs': ['.cts'],
};

const onlyWorkspace = 'task files may only import files of the workspace';

/** The options of `workspaceOnly`. */
export interface WorkspaceOnlyOptions {
  /** The workspace folder, absolute. */
  readonly workspaceDir: string;
  /** The task file the bundle starts from, relative to the workspace. */
  readonly file: string;
  /** Called before each file is resolved or read: true once the bundle has run out of time. */
  readonly expired: () => boolean;
  /** Called with each file read into the bundle (workspace-relative path) and its bytes. */
  readonly onRead?: (file: string, contents: Uint8Array) => void;
}

/**
 * An esbuild plugin that resolves and loads every file of the bundle, refusing (as a compile
 * error that names the import) anything that is not a regular file inside the workspace once
 * links are followed: absolute paths and `..` leading out, links pointing out, package names and
 * Node's modules. The task file itself, when it is a link out or a folder, gets a message saying
 * so and how to fix it, and is never read.
 */
export function workspaceOnly(options: WorkspaceOnlyOptions): Plugin {
  const root = path.resolve(options.workspaceDir);
  let realRoot: Promise<string> | undefined;
  let bytesRead = 0;
  return {
    name: 'workspace-only',
    setup(build) {
      build.onResolve({ filter: /.*/ }, async (args): Promise<OnResolveResult> => {
        if (options.expired()) return { errors: [{ text: timeUp }] };
        realRoot ??= realpath(root);
        if (args.kind === 'entry-point') return resolveTaskFile(root, await realRoot, options.file);
        return resolveImport(root, await realRoot, args.path, args.resolveDir);
      });
      build.onLoad({ filter: /.*/ }, async (args): Promise<OnLoadResult> => {
        if (options.expired()) return { errors: [{ text: timeUp }] };
        const real = (args.pluginData as { real?: string } | undefined)?.real;
        const loader = loaders[path.extname(args.path)];
        if (!real || !loader)
          throw new Error(`\`${args.path}\` was not resolved by the workspace plugin`);
        const shown = path.relative(root, args.path);
        const handle = await open(real, 'r');
        try {
          // The size is read from the opened file, so a file swapped since it was resolved is
          // still measured before any of it is read.
          const info = await handle.stat();
          if (!info.isFile()) return { errors: [{ text: `\`${shown}\` is not a regular file.` }] };
          bytesRead += info.size;
          if (bytesRead > maxBundleBytes) return { errors: [{ text: tooLarge(shown, info.size) }] };
          const contents = await handle.readFile();
          options.onRead?.(shown, contents);
          return {
            contents: withoutSourceMapLinks(contents),
            loader,
            resolveDir: path.dirname(args.path),
          };
        } finally {
          await handle.close();
        }
      });
    },
  };
}

/**
 * The file as esbuild may read it: esbuild opens the file a `//# sourceMappingURL=` comment names
 * by itself, past this plugin, so a link to a path outside the workspace would be read. The
 * comment is renamed on its own line, so line and column numbers stay as the student wrote them.
 */
export function withoutSourceMapLinks(contents: Uint8Array): Uint8Array | string {
  const text = Buffer.from(contents).toString('utf8');
  return /sourceMappingURL/.test(text)
    ? text.replace(/(\/[/*][#@]\s*)sourceMappingURL=/g, '$1sourceMappingURL-not-followed=')
    : contents;
}

/** The error a plugin call gives once the bundle's time is up. */
export const timeUp = 'Bundling ran out of time.';

function tooLarge(shown: string, size: number): string {
  return `\`${shown}\` (${megabytes(size)}) makes the bundle too large: a task file and the files it imports may hold ${megabytes(maxBundleBytes)} together, to be checked within the time limit. Keep large generated data out of the workspace's task files.`;
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** The task file itself: a regular file of the workspace, followed links and all. */
async function resolveTaskFile(
  root: string,
  realRoot: string,
  file: string,
): Promise<OnResolveResult> {
  const lexical = path.join(root, file);
  const link = await lstat(lexical).catch(() => undefined);
  if (!link) return { errors: [{ text: `\`${file}\` is not in the workspace.` }] };
  const real = await realpath(lexical).catch(() => undefined);
  if (!real || !isInside(realRoot, real)) {
    return {
      errors: [
        {
          text: `\`${file}\` is a link to a file outside the workspace, and the tutor reads only the workspace's own files. Delete the link and save your code as the file \`${file}\` itself.`,
        },
      ],
    };
  }
  const info = await stat(real);
  if (info.isDirectory()) {
    return {
      errors: [
        {
          text: `\`${file}\` is a folder, not a file. Rename or remove the folder, then save your code as the file \`${file}\`.`,
        },
      ],
    };
  }
  if (!info.isFile() || !loaders[path.extname(lexical)]) {
    return {
      errors: [
        { text: `\`${file}\` is not a regular file. Save your code as the file \`${file}\`.` },
      ],
    };
  }
  return { path: lexical, pluginData: { real } };
}

/** An import of a workspace file, by a path relative to the importing file. */
async function resolveImport(
  root: string,
  realRoot: string,
  specifier: string,
  resolveDir: string,
): Promise<OnResolveResult> {
  const isPath =
    specifier.startsWith('./') ||
    specifier.startsWith('../') ||
    specifier === '.' ||
    specifier === '..' ||
    path.isAbsolute(specifier);
  if (!isPath) {
    return {
      errors: [
        {
          text: `Cannot import "${specifier}": ${onlyWorkspace} (by a relative path, like "./lab.js"), not packages or Node's modules.`,
        },
      ],
    };
  }
  const outside = {
    errors: [
      { text: `Cannot import "${specifier}": it is outside the workspace, and ${onlyWorkspace}.` },
    ],
  };
  const base = path.resolve(resolveDir, specifier);
  if (!isInside(root, base)) return outside;
  for (const candidate of candidates(base)) {
    if (!loaders[path.extname(candidate)]) continue;
    const real = await realpath(candidate).catch(() => undefined);
    if (!real) continue;
    if (!isInside(realRoot, real)) {
      return {
        errors: [
          {
            text: `Cannot import "${specifier}": it is a link to a file outside the workspace, and ${onlyWorkspace}.`,
          },
        ],
      };
    }
    const info = await stat(real);
    if (info.isFile()) return { path: candidate, pluginData: { real } };
  }
  const extension = path.extname(base);
  if (extension && !loaders[extension] && !typeScriptFor[extension]) {
    return {
      errors: [
        {
          text: `Cannot import "${specifier}": task files may import TypeScript, JavaScript or JSON files, not ${extension} files.`,
        },
      ],
    };
  }
  return { errors: [{ text: `Could not resolve "${specifier}": no such file in the workspace.` }] };
}

/** The files an import may name, in the order esbuild's resolver tries them. */
function candidates(base: string): string[] {
  const extension = path.extname(base);
  const stem = base.slice(0, base.length - extension.length);
  return [
    base,
    ...(typeScriptFor[extension] ?? []).map((typeScript) => stem + typeScript),
    ...resolveExtensions.map((added) => base + added),
    ...resolveExtensions.map((added) => path.join(base, `index${added}`)),
  ];
}

function isInside(folder: string, file: string): boolean {
  const relative = path.relative(folder, file);
  return (
    relative !== '' &&
    !relative.startsWith(`..${path.sep}`) &&
    relative !== '..' &&
    !path.isAbsolute(relative)
  );
}
