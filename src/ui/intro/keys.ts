// Section 0's keys: scroll the reading, the first task, back to the map.
import { type Binding, help, quit, scrolling } from '../app/bindings.js';

/** The intro (section 0) screen. */
export const introBindings: readonly Binding[] = [
  ...scrolling('↑↓ scroll'),
  {
    keys: ['n'],
    help: 'the first task',
    footer: 'n first task',
    action: () => ({ type: 'next' }),
  },
  {
    keys: ['b', 'esc'],
    help: 'back to the lesson map',
    footer: 'b back',
    action: () => ({ type: 'back' }),
  },
  help,
  quit,
];
