// The one thing the screens may ask of the terminal itself: to hand it over to another program
// (the student's editor) and take it back. run-tui.tsx implements it; tests pass `inertTerminal`.

/** Lends the terminal out. */
export interface TerminalControl {
  /**
   * Gives the terminal to `run` (cooked mode, cursor shown), then takes it back (raw mode, the
   * tutor's screen) whether `run` succeeds or fails.
   */
  suspend<T>(run: () => Promise<T>): Promise<T>;
}

/** For tests and terminals that need no handing over. */
export const inertTerminal: TerminalControl = { suspend: (run) => run() };
