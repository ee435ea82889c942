// The record of a computation the UI asks of the services for one task (its plots, its notebook
// cell): the run in flight and the last result. A result of a superseded run is dropped.

/** What is known about one task's computation in this session. */
export interface LatestRunRecord<T> {
  /** The run in flight; its result replaces `last` unless a newer one supersedes it. */
  readonly running?: { readonly runId: number; readonly startedAt: number };
  /** The last result, and when its run started (it shows the file as it was then). */
  readonly last?: { readonly result: T; readonly startedAt: number };
  /** The tutor failed to compute it at all (a bug on our side), in one sentence. */
  readonly error?: string;
}

/** What happened to a run, as the services' answers say. */
export type RunEvent<T> =
  | { readonly kind: 'started'; readonly runId: number; readonly at: number }
  | { readonly kind: 'finished'; readonly runId: number; readonly result: T }
  /** Cancelled (no error) or failed. */
  | { readonly kind: 'ended'; readonly runId: number; readonly error?: string };

/** The record after `event`, or undefined when the event is of a superseded run (no change). */
export function nextRecord<T>(
  record: LatestRunRecord<T> = {},
  event: RunEvent<T>,
): LatestRunRecord<T> | undefined {
  if (event.kind === 'started')
    return { ...record, running: { runId: event.runId, startedAt: event.at }, error: undefined };
  const running = record.running;
  if (running?.runId !== event.runId) return undefined;
  if (event.kind === 'finished')
    return {
      ...record,
      running: undefined,
      last: { result: event.result, startedAt: running.startedAt },
    };
  return { ...record, running: undefined, ...(event.error ? { error: event.error } : {}) };
}
