// Work that follows a verdict (the type-checker, the plots) waits until the verdict is drawn.
// React commits an update in a task of its own (a setImmediate in Node), and Ink writes a commit
// at most `maxFps` times a second: one that comes too soon after the last frame waits for the
// end of that period. A timer of one period, set after the update was asked for, fires after
// both. (A zero timer did not: it could run before React's setImmediate, and put its synchronous
// part, reading the file, transpiling, posting to a worker, between the result and its frame.)

/** How often Ink may draw; run-tui.tsx passes it to Ink. */
export const maxFps = 30;

const framePeriodMs = Math.ceil(1000 / maxFps);

/** Resolves once the frame React has been asked for so far is on screen. */
export function afterFrame(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, framePeriodMs));
}
