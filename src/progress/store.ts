// Opens the progress store at once, conf loaded with this module: what the commands use. The
// interactive tutor opens it in the background instead (see conf-store.ts).
import Conf from 'conf';
import { openStoreWith, type StoreOptions } from './conf-store.js';
import type { ProgressStore } from './types.js';

export { configDirVariable, type StoreOptions } from './conf-store.js';

/**
 * Opens (creating if needed) the progress store. Never fails on the file: a damaged or unreadable
 * one is moved aside and a fresh one started, and a folder that cannot be written leaves the
 * store in memory; either way `takeNotices` says so, in one line.
 */
export function openProgressStore(options: StoreOptions = {}): ProgressStore {
  return openStoreWith(Conf, options);
}
