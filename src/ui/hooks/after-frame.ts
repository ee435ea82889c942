// Work that follows a verdict (the type-checker, the plots) waits until the verdict is drawn.
// React draws an update in a task of its own, scheduled from a microtask (a setImmediate in
// Node): a promise, or a setImmediate queued at once, would run first and put its synchronous
// part (reading the file, transpiling, posting to a worker) between the result and its frame.

/** Resolves after the frame React has been asked for so far. */
export function afterFrame(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
