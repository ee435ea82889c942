// The one keymap: for each context (screen, overlay), which key does what, gathered from each
// feature's keys.ts. The footer and the `?` help are drawn from the same table, so they cannot
// drift from what the keys do.
import type { Course } from '../../lessons/types.js';
import { introBindings } from '../intro/keys.js';
import { mapBindings } from '../map/keys.js';
import { plotBindings } from '../plots/keys.js';
import { type QuestionContext, questionBindings } from '../questions/keys.js';
import { runBindings } from '../run/keys.js';
import { hintBindings, solutionBindings, taskBindings } from '../task/keys.js';
import { type Binding, close, help, keyLabel, overlayScrolling, quit } from './bindings.js';
import type { Action, UiState, View } from './state.js';

/** Where keys go: the overlay if one is open, else the screen. */
export type KeyContext =
  | 'small'
  | 'help'
  | 'hint'
  | 'solution'
  | 'plots'
  | 'run'
  | 'welcome'
  | 'map'
  | 'intro'
  | 'task'
  | QuestionContext;

/** Every context's bindings, in the order the footer and the help show them. */
export const keymap: Readonly<Record<KeyContext, readonly Binding[]>> = {
  small: [quit],
  // The task screen's keys outgrow a 24-row terminal: the help scrolls like any other panel.
  help: [...overlayScrolling(), close('Esc close', ['esc', '?', 'b', 'enter']), quit],
  hint: hintBindings,
  solution: solutionBindings,
  plots: plotBindings,
  run: runBindings,
  welcome: [
    {
      keys: ['enter'],
      help: 'open the lesson map',
      footer: 'Enter continue',
      action: () => ({ type: 'continue' }),
    },
    help,
    quit,
  ],
  ...questionBindings,
  map: mapBindings,
  intro: introBindings,
  task: taskBindings,
};

/** The context keys go to in `state`. */
export function keyContext(state: UiState, view: Pick<View, 'tooSmall'>): KeyContext {
  if (view.tooSmall) return 'small';
  if (state.overlay) return state.overlay.kind;
  return state.screen.screen;
}

/** The action for a key, or undefined when the key does nothing here. Ctrl+C always quits. */
export function actionFor(
  state: UiState,
  name: string,
  view: View,
  course: Course,
): Action | undefined {
  if (name === 'ctrl+c') return { type: 'quit' };
  const binding = keymap[keyContext(state, view)].find((candidate) =>
    candidate.keys.includes(name),
  );
  return binding?.action(state, view, course);
}

/** The footer's items for the current context, e.g. `r recheck`. */
export function footerItems(
  state: UiState,
  view: Pick<View, 'tooSmall'>,
  course: Course,
): string[] {
  return keymap[keyContext(state, view)].flatMap((binding) => {
    const text =
      typeof binding.footer === 'function' ? binding.footer(state, course) : binding.footer;
    return text ? [text] : [];
  });
}

/** The help's rows for the screen under the overlay: keys and what they do. */
export function helpRows(state: UiState): { readonly keys: string; readonly help: string }[] {
  const rows: { keys: string[]; help: string; group?: string }[] = [];
  for (const binding of keymap[state.screen.screen]) {
    const same = binding.group ? rows.find((entry) => entry.group === binding.group) : undefined;
    if (same) same.keys.push(...binding.keys);
    else
      rows.push({
        keys: [...binding.keys],
        help: binding.group ?? binding.help,
        ...(binding.group ? { group: binding.group } : {}),
      });
  }
  return [
    ...rows.map((entry) => ({ keys: entry.keys.map(keyLabel).join(' '), help: entry.help })),
    { keys: keyLabel('ctrl+c'), help: 'quit at once, from anywhere' },
  ];
}
