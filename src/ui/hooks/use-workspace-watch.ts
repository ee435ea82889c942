// Saves in the workspace, debounced: an editor's save can fire several events, and a burst of
// saves should cost one check, of the last version.
import { useEffect, useRef } from 'react';
import type { TutorServices } from '../services.js';

/**
 * Calm period after the last event before `onSaved` runs, in ms. Short: it is spent on every
 * save, before the check starts (the benchmark measured 100 ms here as most of save → verdict).
 * The events of one save arrive within a few ms (chokidar folds an atomic rename into one), and
 * a later one only supersedes the check in flight.
 */
export const saveDebounceMs = 15;

export default function useWorkspaceWatch(
  services: Pick<TutorServices, 'watchWorkspace'>,
  onSaved: (files: readonly string[]) => void,
): void {
  // The latest callback, without restarting the watcher whenever it changes.
  const callback = useRef(onSaved);
  callback.current = onSaved;
  useEffect(() => {
    const pending = new Set<string>();
    let timer: NodeJS.Timeout | undefined;
    const stop = services.watchWorkspace((file) => {
      pending.add(file);
      clearTimeout(timer);
      timer = setTimeout(() => {
        const files = [...pending];
        pending.clear();
        callback.current(files);
      }, saveDebounceMs);
    });
    return () => {
      clearTimeout(timer);
      stop();
    };
  }, [services]);
}
