// Tells the tutor when the student saves a .ts file in the workspace. chokidar 4 on the folder
// itself (not recursive): Node 20's recursive fs.watch missed 19 of 20 atomic saves (editors
// write a temp file and rename it over the original); this caught 20 of 20.
import { type Stats, statSync } from 'node:fs';
import path from 'node:path';
import { watch } from 'chokidar';

// chokidar drops a second `change` of a file within 50 ms of the first (a leading-edge
// throttle), so a quick second save could go unreported; a look at the file this long after
// each report catches it.
const settleMs = 75;

/** Options of `watchWorkspace`. */
export interface WatchOptions {
  /** Called once the watcher is ready: saves before this may be missed. */
  readonly onReady?: () => void;
  /** Called when watching fails (the folder was removed, too many open files…). */
  readonly onError?: (error: Error) => void;
}

/**
 * Calls `onChange` with the workspace-relative name of every .ts file written, created or
 * renamed into place in `dir` (atomic saves included). Returns a function that stops watching.
 */
export function watchWorkspace(
  dir: string,
  onChange: (file: string) => void,
  options: WatchOptions = {},
): () => void {
  const watcher = watch(dir, {
    depth: 0,
    ignoreInitial: true,
    // Folds an editor's unlink + add of the same file (a rename over it) into one `change`.
    atomic: true,
    // Only .ts files at the top level; folders must pass so the top level is read at all.
    ignored: (file, stats) => stats?.isFile() === true && !isTaskSource(file),
  });
  const settling = new Map<string, NodeJS.Timeout>();
  let closed = false;
  const report = (file: string) => {
    if (closed || !isTaskSource(file) || path.dirname(path.resolve(file)) !== path.resolve(dir))
      return;
    onChange(path.basename(file));
    const seen = fingerprint(file);
    clearTimeout(settling.get(file));
    settling.set(
      file,
      setTimeout(() => {
        settling.delete(file);
        if (fingerprint(file) !== seen) report(file);
      }, settleMs),
    );
  };
  watcher.on('add', (file) => report(String(file)));
  watcher.on('change', (file) => report(String(file)));
  // A deleted task file is news too: its check then says it is missing and how to restore it.
  watcher.on('unlink', (file) => report(String(file)));
  if (options.onReady) watcher.on('ready', options.onReady);
  watcher.on('error', (error) =>
    options.onError?.(error instanceof Error ? error : new Error(String(error))),
  );
  return () => {
    closed = true;
    for (const timer of settling.values()) clearTimeout(timer);
    void watcher.close();
  };
}

function fingerprint(file: string): string {
  let stats: Stats;
  try {
    stats = statSync(file);
  } catch {
    return 'missing';
  }
  return `${stats.ino}:${stats.size}:${stats.mtimeMs}`;
}

// Editors' swap and backup files (`.01-sigmoid.ts.swp`, `01-sigmoid.ts~`) do not end in .ts;
// hidden files such as Emacs's `.#01-sigmoid.ts` lock link do.
function isTaskSource(file: string): boolean {
  const name = path.basename(file);
  return name.endsWith('.ts') && !name.startsWith('.') && !name.endsWith('.d.ts');
}
