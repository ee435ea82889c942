// Reads a workspace file's text for the report, under the bundler's rules: only a regular file
// inside the workspace once links are followed, and no larger than a bundle may be.
import { lstatSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { maxBundleBytes } from './workspace-imports.js';

/** A workspace file's text, or why it was not read (one line). */
export type WorkspaceText = { readonly text: string } | { readonly unread: string };

/** The text of `file` (relative to `workspaceDir`), or why it was left unread. */
export function readWorkspaceText(workspaceDir: string, file: string): WorkspaceText {
  const full = path.resolve(workspaceDir, file);
  try {
    lstatSync(full);
  } catch {
    return { unread: `${file} is not in the workspace.` };
  }
  let real: string;
  try {
    real = realpathSync(full);
  } catch {
    return { unread: `${file} is a link to nothing.` };
  }
  const root = realpathSync(workspaceDir);
  const relative = path.relative(root, real);
  if (relative.startsWith('..') || path.isAbsolute(relative))
    return { unread: `${file} is a link out of the workspace, so it was not read.` };
  const stats = statSync(real);
  if (!stats.isFile()) return { unread: `${file} is not a file.` };
  if (stats.size > maxBundleBytes)
    return { unread: `${file} is larger than ${maxBundleBytes / 1024 / 1024} MB.` };
  return { text: readFileSync(real, 'utf8') };
}
