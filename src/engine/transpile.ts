// Turns a student's task file, with the workspace files it imports, into one runnable module,
// and maps the bundle's stack traces back to the student's own files and lines.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { originalPositionFor, TraceMap } from '@jridgewell/trace-mapping';
import { build, type Message } from 'esbuild';
import type { Diagnostic } from './types.js';

/** A task file bundled and written where the sandbox can import it. */
export interface Bundle {
  /** file: URL of the module the sandbox imports. */
  readonly url: string;
  readonly map: TraceMap;
  readonly workspaceDir: string;
  /** Workspace files that went into the bundle (relative paths), for watching. */
  readonly inputs: readonly string[];
  /** Removes the bundle file. */
  dispose(): void;
}

export type TranspileResult =
  | { readonly ok: true; readonly bundle: Bundle }
  | {
      readonly ok: false;
      readonly diagnostics: readonly Diagnostic[];
      readonly inputs: readonly string[];
    };

let bundleDir: string | undefined;
let bundleCount = 0;

// Bundles live in one temporary folder per tutor process, never in the student's workspace.
function ensureBundleDir(): string {
  if (!bundleDir) {
    const dir = mkdtempSync(path.join(tmpdir(), 'logreg-tutor-'));
    bundleDir = dir;
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  }
  return bundleDir;
}

/** Bundles `file` (relative to `workspaceDir`) with its local imports. Compile errors are data. */
export async function transpileTask(workspaceDir: string, file: string): Promise<TranspileResult> {
  const dir = ensureBundleDir();
  const outfile = path.join(dir, `run-${process.pid}-${++bundleCount}.mjs`);
  const result = await build({
    entryPoints: [path.join(workspaceDir, file)],
    absWorkingDir: workspaceDir,
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: 'external',
    outfile,
    logLevel: 'silent',
    metafile: true,
  }).catch((error: { errors?: Message[]; metafile?: undefined }) => {
    if (!error.errors) throw error;
    return { errors: error.errors, outputFiles: undefined, metafile: undefined };
  });
  const inputs = result.metafile
    ? Object.keys(result.metafile.inputs).map((input) =>
        path.relative(workspaceDir, path.resolve(workspaceDir, input)),
      )
    : [file];
  if (result.errors.length > 0 || !result.outputFiles) {
    return {
      ok: false,
      diagnostics: result.errors.map((error) => toDiagnostic(workspaceDir, error)),
      inputs,
    };
  }
  const js = result.outputFiles.find((output) => output.path.endsWith('.mjs'));
  const mapFile = result.outputFiles.find((output) => output.path.endsWith('.map'));
  if (!js || !mapFile) throw new Error(`esbuild produced no output for \`${file}\``);
  writeFileSync(outfile, js.contents);
  const map = new TraceMap(mapFile.text, pathToFileURL(outfile).href);
  return {
    ok: true,
    bundle: {
      url: pathToFileURL(outfile).href,
      map,
      workspaceDir,
      inputs,
      dispose: () => rmSync(outfile, { force: true }),
    },
  };
}

function toDiagnostic(workspaceDir: string, message: Message): Diagnostic {
  const location = message.location;
  return {
    file: location ? path.relative(workspaceDir, path.resolve(workspaceDir, location.file)) : '',
    line: location?.line ?? 0,
    column: (location?.column ?? 0) + 1,
    message: message.text,
    lineText: location?.lineText ?? '',
  };
}

/**
 * Rewrites a stack trace from the bundle so each frame names the student's file and line
 * (`at sigmoid (01-sigmoid.ts:7:11)`). Only frames in the student's files are kept.
 */
export function mapStack(stack: string, bundle: Bundle): string {
  const bundlePath = fileURLToPath(bundle.url);
  const lines: string[] = [];
  for (const line of stack.split('\n')) {
    const frame = /^\s*at (?:(.*?) \()?(.*?):(\d+):(\d+)\)?$/.exec(line);
    // The header lines repeat the error's message, which the caller already shows.
    if (!frame) continue;
    const [, name, location, lineNo, column] = frame;
    if (!location || !(location === bundle.url || location === bundlePath)) continue;
    const original = originalPositionFor(bundle.map, {
      line: Number(lineNo),
      column: Number(column) - 1,
    });
    if (!original.source) continue;
    const file = path.relative(bundle.workspaceDir, fileURLToPath(original.source));
    const where = `${file}:${original.line}:${(original.column ?? 0) + 1}`;
    lines.push(name ? `    at ${name} (${where})` : `    at ${where}`);
  }
  return lines.join('\n');
}

/** First student frame of a mapped stack, e.g. `01-sigmoid.ts:7:11`. */
export function firstFrame(mappedStack: string): string | undefined {
  const match = /\(?([^\s()]+\.ts:\d+:\d+)\)?\s*$/m.exec(
    mappedStack.split('\n').find((line) => /^\s*at /.test(line)) ?? '',
  );
  return match?.[1];
}
