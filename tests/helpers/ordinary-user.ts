// Root writes anywhere, so a folder made read-only is read-only only to other users. Where the
// tests run as root (CI's container), what must meet a read-only folder runs as `nobody`.
import { chmodSync } from 'node:fs';

/** Spawn options that run a child as an ordinary user: as `nobody` when the tests run as root. */
export function ordinaryUser(): { uid?: number; gid?: number } {
  return process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
}

/** Lets that user read and enter `dir` (temporary folders are made for their owner only). */
export function openToOrdinaryUser(dir: string): string {
  chmodSync(dir, 0o755);
  return dir;
}
