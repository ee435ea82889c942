// The plots' keys (`p` on a task): paging through them, the editor, closing.
import { type Binding, close, quit } from '../app/bindings.js';

/** The plots view. */
export const plotBindings: readonly Binding[] = [
  {
    keys: ['left', 'pgup', 'k', 'up'],
    help: 'the previous plot',
    action: () => ({ type: 'plot-page', by: -1 }),
  },
  {
    keys: ['right', 'pgdn', 'space', 'j', 'down'],
    help: 'the next plot',
    footer: '←→ page',
    action: () => ({ type: 'plot-page', by: 1 }),
  },
  {
    keys: ['e'],
    help: 'open the file in your editor',
    footer: 'e edit',
    action: () => ({ type: 'edit' }),
  },
  close('Esc close', ['esc', 'p', 'b']),
  quit,
];
