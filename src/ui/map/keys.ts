// The lesson map's keys: move, open, the review of every question, the checklist.
import { type Binding, help, quit } from '../app/bindings.js';

/** The lesson map. */
export const mapBindings: readonly Binding[] = [
  { keys: ['up', 'k'], help: 'previous lesson', action: () => ({ type: 'move', by: -1 }) },
  {
    keys: ['down', 'j'],
    help: 'next lesson',
    footer: '↑↓/jk move',
    action: () => ({ type: 'move', by: 1 }),
  },
  {
    keys: ['home', 'g'],
    help: 'first lesson',
    action: (state) => ({ type: 'move', by: -state.cursor }),
  },
  {
    keys: ['end', 'G'],
    help: 'last lesson',
    action: (_state, _view, course) => ({ type: 'move', by: course.lessons.length }),
  },
  {
    keys: ['enter'],
    help: 'open the selected lesson',
    footer: 'Enter open',
    action: () => ({ type: 'open' }),
  },
  {
    keys: ['v'],
    help: 'review every question: your answers and the key ideas they cover',
    footer: 'v review',
    action: () => ({ type: 'review' }),
  },
  {
    keys: ['c'],
    help: 'the submission checklist, checked again now',
    footer: 'c checklist',
    action: () => ({ type: 'checklist' }),
  },
  help,
  quit,
];
