// Content hashes of the workspace files a check read, to tell at start-up which recorded verdicts
// describe files that have changed since (edited while the tutor was closed).
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * The content hash of each workspace file a check was computed from, by workspace-relative path:
 * the task file and every workspace file it imports.
 */
export type SourceHashes = Readonly<Record<string, string>>;

/**
 * The hash of a file that was not read: missing, a folder, a link out of the workspace. Two
 * states that both read nothing compare equal, so a file still missing is no change.
 */
export const unreadSource = 'unread';

/** The content hash of one file's bytes. */
export function hashSource(contents: Uint8Array): string {
  return createHash('sha256').update(contents).digest('hex');
}

/** The hashes of `files` (workspace-relative) as they are now; `unreadSource` for one not read. */
export async function currentSourceHashes(
  workspaceDir: string,
  files: readonly string[],
): Promise<SourceHashes> {
  const entries = await Promise.all(
    files.map(async (file) => {
      // The names come from the progress file: one leading out of the workspace is not read.
      const full = path.resolve(workspaceDir, file);
      const relative = path.relative(path.resolve(workspaceDir), full);
      if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative))
        return [file, unreadSource] as const;
      try {
        return [file, hashSource(await readFile(full))] as const;
      } catch {
        return [file, unreadSource] as const;
      }
    }),
  );
  return Object.fromEntries(entries);
}

/** True when both name the same files with the same contents. */
export function sameSources(a: SourceHashes, b: SourceHashes): boolean {
  const files = Object.keys(a);
  return (
    files.length === Object.keys(b).length &&
    files.every((file) => Object.hasOwn(b, file) && a[file] === b[file])
  );
}
