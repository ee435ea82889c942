// Turns a student's task file, with the workspace files it imports, into one module the
// sandbox can run, and maps the bundle's stack traces back to the student's own files and lines.
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { originalPositionFor, TraceMap } from '@jridgewell/trace-mapping';
import type { Message } from 'esbuild';
import { esbuild } from './esbuild.js';
import { formatSeconds } from './format.js';
import { hashSource, type SourceHashes, unreadSource } from './source-hash.js';
import type { Diagnostic } from './types.js';
import { timeUp, workspaceOnly } from './workspace-imports.js';

/** A task file bundled with its local imports, in memory. */
export interface Bundle {
  /**
   * The module as CommonJS (`exports`, `module`, `require` are its parameters): the sandbox
   * compiles it into a fresh context, which has no ES module loader.
   */
  readonly code: string;
  /** The name stack traces give the bundle's frames; nothing is written there. */
  readonly filename: string;
  readonly map: TraceMap;
  readonly workspaceDir: string;
  /** Workspace files that went into the bundle (relative paths), for watching. */
  readonly inputs: readonly string[];
  /** The content hash of each file read into the bundle, the task file always among them. */
  readonly sources: SourceHashes;
}

/** Why a task file could not be bundled: a compile error, or bundling ran out of time. */
export interface TranspileFailure {
  readonly ok: false;
  readonly status: 'compile-error' | 'timeout';
  /** One sentence for the student: the first diagnostic, or what ran out of time. */
  readonly error: string;
  readonly diagnostics: readonly Diagnostic[];
  readonly inputs: readonly string[];
  /** The content hash of each file read before bundling stopped, the task file always among them. */
  readonly sources: SourceHashes;
}

export type TranspileResult = { readonly ok: true; readonly bundle: Bundle } | TranspileFailure;

/** Options of `transpileTask`. */
export interface TranspileOptions {
  /**
   * The time bundling may take: what is left of the run's time limit. When it runs out the
   * build is cancelled and the result says `timeout`. Default: no limit.
   */
  readonly timeoutMs?: number;
  /** Aborting cancels the build; `transpileTask` then rejects with an AbortError. */
  readonly signal?: AbortSignal;
}

/**
 * esbuild's settings for TypeScript, given inline so that no tsconfig.json is read: neither the
 * workspace's (only the student's editor needs it) nor one in a folder above the workspace,
 * which could change how the student's code compiles. They match the workspace's tsconfig.json.
 */
const compilerOptions = { strict: true, useDefineForClassFields: true } as const;

let bundleCount = 0;

/**
 * Bundles `file` (relative to `workspaceDir`) with the workspace files it imports, reading
 * nothing outside the workspace. Compile errors and running out of time are data.
 */
export async function transpileTask(
  workspaceDir: string,
  file: string,
  options: TranspileOptions = {},
): Promise<TranspileResult> {
  options.signal?.throwIfAborted();
  const started = performance.now();
  const timeoutMs = options.timeoutMs ?? Number.POSITIVE_INFINITY;
  const expired = () => performance.now() - started >= timeoutMs;
  const filename = path.join(tmpdir(), 'logreg-tutor', `run-${process.pid}-${++bundleCount}.js`);
  // Hashed from the very bytes bundled, so a save during the check cannot pass for checked.
  const read: Record<string, string> = {};
  const onRead = (input: string, contents: Uint8Array) => {
    read[input] = hashSource(contents);
  };
  const sources = (): SourceHashes => ({ [file]: unreadSource, ...read });
  const context = await esbuild().context({
    entryPoints: [path.join(workspaceDir, file)],
    absWorkingDir: workspaceDir,
    bundle: true,
    write: false,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    sourcemap: 'external',
    outfile: filename,
    logLevel: 'silent',
    metafile: true,
    tsconfigRaw: { compilerOptions },
    plugins: [workspaceOnly({ workspaceDir, file, expired, onRead })],
  });
  const built = context.rebuild().catch((error: { errors?: Message[] }) => {
    if (!error.errors) throw error;
    return { errors: error.errors, outputFiles: undefined, metafile: undefined };
  });
  const result = await raceDeadline(
    built,
    timeoutMs - (performance.now() - started),
    options.signal,
  );
  // Not awaited: a build cut short may still wait on a plugin call in flight.
  void context
    .cancel()
    .then(() => context.dispose())
    .catch(() => {});
  if (result === 'aborted') throw new DOMException('The check was cancelled.', 'AbortError');
  if (result === 'timeout' || (expired() && result.errors.some((error) => error.text === timeUp))) {
    return {
      ok: false,
      status: 'timeout',
      error: `Bundling \`${file}\` with its imports did not finish within ${formatSeconds(timeoutMs)}. Keep the task files small and their imports few.`,
      diagnostics: [],
      inputs: [file],
      sources: sources(),
    };
  }
  const inputs = result.metafile
    ? Object.keys(result.metafile.inputs).map((input) =>
        path.relative(workspaceDir, path.resolve(workspaceDir, input)),
      )
    : [file];
  if (result.errors.length > 0 || !result.outputFiles) {
    const diagnostics = result.errors.map((error) => toDiagnostic(workspaceDir, file, error));
    const first = diagnostics[0];
    let error = `${file} could not be compiled.`;
    if (first && result.errors[0]?.location)
      error = `${first.file}:${first.line}:${first.column}: ${first.message}`;
    // An error without a place is about the task file as a whole (a folder, a link out).
    else if (first) error = first.message;
    return { ok: false, status: 'compile-error', error, diagnostics, inputs, sources: sources() };
  }
  const js = result.outputFiles.find((output) => output.path === filename);
  const mapFile = result.outputFiles.find((output) => output.path.endsWith('.map'));
  if (!js || !mapFile) throw new Error(`esbuild produced no output for \`${file}\``);
  const map = new TraceMap(mapFile.text, pathToFileURL(filename).href);
  return {
    ok: true,
    bundle: { code: js.text, filename, map, workspaceDir, inputs, sources: sources() },
  };
}

/** Settles with `promise`, or with why it was cut short: its time ran out or `signal` aborted. */
async function raceDeadline<T>(
  promise: Promise<T>,
  timeoutMs: number,
  signal: AbortSignal | undefined,
): Promise<T | 'timeout' | 'aborted'> {
  let timer: NodeJS.Timeout | undefined;
  let onAbort = () => {};
  const cutShort = new Promise<'timeout' | 'aborted'>((resolve) => {
    if (Number.isFinite(timeoutMs))
      timer = setTimeout(() => resolve('timeout'), Math.max(0, timeoutMs));
    onAbort = () => resolve('aborted');
    if (signal?.aborted) onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([promise, cutShort]);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}

function toDiagnostic(workspaceDir: string, file: string, message: Message): Diagnostic {
  const location = message.location;
  return {
    file: location ? path.relative(workspaceDir, path.resolve(workspaceDir, location.file)) : file,
    line: location?.line ?? 1,
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
  const bundleUrl = pathToFileURL(bundle.filename).href;
  const lines: string[] = [];
  for (const line of stack.split('\n')) {
    const frame = /^\s*at (?:(.*?) \()?(.*?):(\d+):(\d+)\)?$/.exec(line);
    // The header lines repeat the error's message, which the caller already shows.
    if (!frame) continue;
    const [, name, location, lineNo, column] = frame;
    if (!location || !(location === bundle.filename || location === bundleUrl)) continue;
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
