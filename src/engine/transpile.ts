// Turns a student's task file, with the workspace files it imports, into one module the
// sandbox can run, and maps the bundle's stack traces back to the student's own files and lines.
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { originalPositionFor, TraceMap } from '@jridgewell/trace-mapping';
import type { Message } from 'esbuild';
import { esbuild } from './esbuild.js';
import type { Diagnostic } from './types.js';

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
}

export type TranspileResult =
  | { readonly ok: true; readonly bundle: Bundle }
  | {
      readonly ok: false;
      readonly diagnostics: readonly Diagnostic[];
      readonly inputs: readonly string[];
    };

let bundleCount = 0;

/** Bundles `file` (relative to `workspaceDir`) with its local imports. Compile errors are data. */
export async function transpileTask(workspaceDir: string, file: string): Promise<TranspileResult> {
  const filename = path.join(tmpdir(), 'logreg-tutor', `run-${process.pid}-${++bundleCount}.js`);
  const result = await esbuild()
    .build({
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
    })
    .catch((error: { errors?: Message[]; metafile?: undefined }) => {
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
  const js = result.outputFiles.find((output) => output.path === filename);
  const mapFile = result.outputFiles.find((output) => output.path.endsWith('.map'));
  if (!js || !mapFile) throw new Error(`esbuild produced no output for \`${file}\``);
  const map = new TraceMap(mapFile.text, pathToFileURL(filename).href);
  return { ok: true, bundle: { code: js.text, filename, map, workspaceDir, inputs } };
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
