// Root writes anywhere, so a folder made read-only is read-only only to other users. Where the
// tests run as root (CI's container), what must meet a read-only folder runs as `nobody`.
import { spawnSync } from 'node:child_process';
import { chmodSync } from 'node:fs';

/** The user and group a child process runs as (`spawn` options). */
export interface SpawnUser {
  readonly uid?: number;
  readonly gid?: number;
}

let found: SpawnUser | null | undefined;

/**
 * Spawn options that run a child as an ordinary user: as `nobody` when the tests run as root,
 * as the tests' own user otherwise. Null where root cannot switch users (a container without
 * that capability, or a node that user cannot run): the tests that need one are skipped there.
 */
export function ordinaryUser(): SpawnUser | null {
  // Null is an answer too (no user to switch to), so `??=` would not do.
  if (found === undefined) found = findOrdinaryUser();
  return found;
}

function findOrdinaryUser(): SpawnUser | null {
  if (process.getuid?.() !== 0) return {};
  const nobody = { uid: 65534, gid: 65534 };
  const probe = spawnSync(process.execPath, ['-e', ''], nobody);
  return probe.error === undefined && probe.status === 0 ? nobody : null;
}

/**
 * Whether the tests that need an ordinary user must be skipped: only outside CI, where no such
 * user can be had. In CI they run, and fail if none can be had.
 */
export function noOrdinaryUser(): boolean {
  return ordinaryUser() === null && process.env.CI !== 'true';
}

/** The ordinary user's spawn options; throws, naming why, where none can be had. */
export function requireOrdinaryUser(): SpawnUser {
  const user = ordinaryUser();
  if (user === null)
    throw new Error('No ordinary user: root could not run node as nobody (uid 65534).');
  return user;
}

/** Lets that user read and enter `dir` (temporary folders are made for their owner only). */
export function openToOrdinaryUser(dir: string): string {
  chmodSync(dir, 0o755);
  return dir;
}
