// The Run view's keys (`x` on a task): run the cell again, the editor, scrolling, closing.
import { type Binding, close, overlayScrolling, quit } from '../app/bindings.js';

/** The Run view. */
export const runBindings: readonly Binding[] = [
  {
    keys: ['r'],
    help: "run the notebook's cell again (a save runs it too)",
    footer: 'r run again',
    action: () => ({ type: 'run-cell' }),
  },
  {
    keys: ['e'],
    help: 'open the file in your editor',
    footer: 'e edit',
    action: () => ({ type: 'edit' }),
  },
  ...overlayScrolling(),
  close('Esc close', ['esc', 'b', 'x']),
  quit,
];
