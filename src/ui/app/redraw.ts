// When a change of state reaches the screen. Ink lays out and draws the whole screen for every
// change it is given (15–40 ms of the main thread for a task and its lesson, on 2 cores),
// so a change the student cannot see waits for the next one that is drawn, and `checking…`
// waits to see whether the verdict comes first: then save → verdict is one frame, not two.
import type { Diagnostic } from '../../engine/types.js';
import type { Action, UiState } from './state.js';

/**
 * How long a check runs before the screen says `checking …`. Most checks take less: the old
 * verdict is replaced by the new one at once. Longer ones show that they run after this long,
 * sooner than a student starts to wonder.
 */
export const checkingShownAfterMs = 200;

/** Draw the new state at once, after `checkingShownAfterMs`, or with the next change drawn. */
export type Redraw = 'now' | 'soon' | 'with-next';

/** When the change `action` made from `before` to `after` must be drawn. */
export function redrawFor(action: Action, before: UiState, after: UiState): Redraw {
  switch (action.type) {
    case 'measured':
      // Measures of the frame just drawn: nothing on screen changes.
      return 'with-next';
    case 'check-started':
      return 'soon';
    case 'type-checked':
      // The type-checker answers after every check, nearly always as it did before.
      return sameDiagnostics(
        before.runs[action.taskId]?.typeErrors,
        after.runs[action.taskId]?.typeErrors,
      )
        ? 'with-next'
        : 'now';
    case 'plots-started':
    case 'plots-finished':
    case 'plots-failed':
    case 'plots-cancelled':
      // Computed after every pass, for `p`; seen only in the plots overlay of that task.
      return after.overlay?.kind === 'plots' && after.overlay.taskId === action.taskId
        ? 'now'
        : 'with-next';
    default:
      return 'now';
  }
}

/** Same type errors on screen: none and not-yet-known look alike. */
function sameDiagnostics(
  a: readonly Diagnostic[] | undefined,
  b: readonly Diagnostic[] | undefined,
): boolean {
  const left = a ?? [];
  const right = b ?? [];
  return (
    left.length === right.length &&
    left.every((diagnostic, index) => {
      const other = right[index];
      return (
        other !== undefined &&
        diagnostic.file === other.file &&
        diagnostic.line === other.line &&
        diagnostic.column === other.column &&
        diagnostic.message === other.message &&
        diagnostic.lineText === other.lineText
      );
    })
  );
}
