// The one keymap: for each context (screen, overlay), which key does what. The footer and the
// `?` help are drawn from the same table, so they cannot drift from what the keys do.
import type { Course } from '../lessons/types.js';
import { currentTask, hasPassed } from './app/course.js';
import type { Action, UiState } from './app/state.js';
import { type QuestionContext, questionKeymap } from './questions/keys.js';
import { fileMissing } from './task/select.js';
import { nextPane, type Pane } from './task/state.js';

const paneWords: Record<Pane, string> = { both: 'both', checks: 'checks', lesson: 'lesson' };

/** The parts of Ink's `Key` the keymap reads. */
export interface KeyLike {
  readonly upArrow?: boolean;
  readonly downArrow?: boolean;
  readonly leftArrow?: boolean;
  readonly rightArrow?: boolean;
  readonly pageUp?: boolean;
  readonly pageDown?: boolean;
  readonly home?: boolean;
  readonly end?: boolean;
  readonly return?: boolean;
  readonly escape?: boolean;
  readonly ctrl?: boolean;
  readonly tab?: boolean;
}

/** Measures of what is on screen, for scrolling by pages and stopping at the end. */
export interface View {
  /** Rows of lesson text shown, and the largest useful scroll offset. */
  readonly page: number;
  readonly maxScroll: number;
  /** The same for the open overlay. */
  readonly overlayPage: number;
  readonly overlayMax: number;
  /** The terminal is under 80×24: only quitting works. */
  readonly tooSmall: boolean;
}

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

export interface Binding {
  /** Key names (see `keyName`); the first is the one shown. */
  readonly keys: readonly string[];
  /** What the key does, for the `?` help. */
  readonly help: string;
  /** Bindings of one group share a row in the help, which says this instead of their `help`. */
  readonly group?: string;
  /** The footer's words for it, when it is shown there (may depend on the state). */
  readonly footer?: string | ((state: UiState, course: Course) => string | undefined);
  readonly action: (state: UiState, view: View, course: Course) => Action | undefined;
}

/** A stable name for a key press: `up`, `enter`, `esc`, `ctrl+c`, `pgdn`, or the character typed. */
export function keyName(input: string, key: KeyLike): string | undefined {
  if (key.ctrl && input === 'c') return 'ctrl+c';
  if (key.upArrow) return 'up';
  if (key.downArrow) return 'down';
  if (key.leftArrow) return 'left';
  if (key.rightArrow) return 'right';
  if (key.pageUp) return 'pgup';
  if (key.pageDown) return 'pgdn';
  if (key.home) return 'home';
  if (key.end) return 'end';
  if (key.return) return 'enter';
  if (key.escape) return 'esc';
  if (key.tab) return 'tab';
  if (key.ctrl) return undefined;
  if (input === ' ') return 'space';
  return input.length === 1 ? input : undefined;
}

const keyLabels: Record<string, string> = {
  up: '↑',
  down: '↓',
  left: '←',
  right: '→',
  pgup: 'PgUp',
  pgdn: 'PgDn',
  home: 'Home',
  end: 'End',
  enter: 'Enter',
  esc: 'Esc',
  space: 'Space',
  'ctrl+c': 'Ctrl+C',
};

/** How a key name is written for the student. */
export function keyLabel(name: string): string {
  return keyLabels[name] ?? name;
}

const quit: Binding = {
  keys: ['q'],
  help: 'quit (your progress is saved)',
  footer: 'q quit',
  action: () => ({ type: 'quit' }),
};
const help: Binding = {
  keys: ['?'],
  help: 'this help',
  footer: '? help',
  action: () => ({ type: 'help' }),
};

const scrollGroup = 'scroll the lesson (the checks, when alone): a row, a page, top, end';

function scrolling(footer: string | undefined): Binding[] {
  return [
    {
      keys: ['up', 'k'],
      help: 'scroll the lesson up',
      group: scrollGroup,
      action: (_s, view) => ({ type: 'scroll', by: -1, max: view.maxScroll }),
    },
    {
      keys: ['down', 'j'],
      help: 'scroll the lesson down',
      group: scrollGroup,
      ...(footer ? { footer } : {}),
      action: (_s, view) => ({ type: 'scroll', by: 1, max: view.maxScroll }),
    },
    {
      keys: ['pgup'],
      help: 'page up',
      group: scrollGroup,
      action: (_s, view) => ({
        type: 'scroll',
        by: -Math.max(1, view.page - 1),
        max: view.maxScroll,
      }),
    },
    {
      keys: ['pgdn', 'space'],
      help: 'page down',
      group: scrollGroup,
      action: (_s, view) => ({
        type: 'scroll',
        by: Math.max(1, view.page - 1),
        max: view.maxScroll,
      }),
    },
    {
      keys: ['home', 'g'],
      help: 'top of the lesson',
      group: scrollGroup,
      action: (_s, view) => ({ type: 'scroll', by: -view.maxScroll - 1, max: view.maxScroll }),
    },
    {
      keys: ['end', 'G'],
      help: 'end of the lesson',
      group: scrollGroup,
      action: (_s, view) => ({ type: 'scroll', by: view.maxScroll + 1, max: view.maxScroll }),
    },
  ];
}

function overlayScrolling(): Binding[] {
  return [
    {
      keys: ['up', 'k'],
      help: 'scroll up',
      action: (_s, view) => ({ type: 'overlay-scroll', by: -1, max: view.overlayMax }),
    },
    {
      keys: ['down', 'j'],
      help: 'scroll down',
      action: (_s, view) => ({ type: 'overlay-scroll', by: 1, max: view.overlayMax }),
    },
    {
      keys: ['pgup'],
      help: 'page up',
      action: (_s, view) => ({
        type: 'overlay-scroll',
        by: -Math.max(1, view.overlayPage - 1),
        max: view.overlayMax,
      }),
    },
    {
      keys: ['pgdn', 'space'],
      help: 'page down',
      action: (_s, view) => ({
        type: 'overlay-scroll',
        by: Math.max(1, view.overlayPage - 1),
        max: view.overlayMax,
      }),
    },
  ];
}

const close = (footer: string, keys: readonly string[] = ['esc', 'b']): Binding => ({
  keys,
  help: 'close this panel',
  footer,
  action: () => ({ type: 'close-overlay' }),
});

/** Every context's bindings, in the order the footer and the help show them. */
export const keymap: Readonly<Record<KeyContext, readonly Binding[]>> = {
  small: [quit],
  // The task screen's keys outgrow a 24-row terminal: the help scrolls like any other panel.
  help: [...overlayScrolling(), close('Esc close', ['esc', '?', 'b', 'enter']), quit],
  hint: [
    {
      keys: ['h'],
      help: 'the next hint',
      footer: (state, course) => {
        const task = currentTask(state, course);
        const left = task
          ? task.hints.length - (state.progress.tasks[task.id]?.hintsShown ?? 0)
          : 0;
        return left > 0 ? `h next hint (${left} left)` : undefined;
      },
      action: () => ({ type: 'hint' }),
    },
    {
      keys: ['e'],
      help: 'open the file in your editor',
      footer: 'e edit',
      action: () => ({ type: 'edit' }),
    },
    ...overlayScrolling(),
    close('Esc close'),
    quit,
  ],
  solution: [...overlayScrolling(), close('Esc close', ['esc', 'b', 's']), quit],
  plots: [
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
  ],
  run: [
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
  ],
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
  ...questionKeymap(quit, help),
  map: [
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
  ],
  intro: [
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
  ],
  task: [
    {
      keys: ['r'],
      help: 'check the file again now',
      footer: 'r recheck',
      action: () => ({ type: 'recheck' }),
    },
    {
      keys: ['h'],
      help: "a hint: first the failing check's own, then more and more specific ones",
      footer: 'h hint',
      action: () => ({ type: 'hint' }),
    },
    {
      keys: ['e'],
      help: 'open the file in $VISUAL / $EDITOR (it is checked when you close the editor)',
      footer: 'e edit',
      action: () => ({ type: 'edit' }),
    },
    {
      keys: ['p'],
      help: 'your plots, drawn from your own code (a failing file draws too)',
      footer: 'p plots',
      action: () => ({ type: 'plots' }),
    },
    {
      keys: ['x'],
      help: "run the notebook's cell on your code: what the lab printed, and its own checks",
      footer: 'x run',
      action: () => ({ type: 'run-cell' }),
    },
    {
      keys: ['a'],
      help: "the task's questions: answer them in your own words (the next task opens after)",
      footer: (state, course) =>
        (currentTask(state, course)?.questions.length ?? 0) > 0 ? 'a answer' : undefined,
      action: () => ({ type: 'questions' }),
    },
    { keys: ['n'], help: 'the next task', footer: 'n next', action: () => ({ type: 'next' }) },
    {
      keys: ['R'],
      help: 'restore a deleted task file from its starter (an existing file is never touched)',
      footer: (state, course) => {
        const task = currentTask(state, course);
        return task && fileMissing(state, task.id) ? 'R restore file' : undefined;
      },
      action: () => ({ type: 'restore-file' }),
    },
    {
      keys: ['s'],
      help: 'the reference solution, once your checks have passed',
      footer: (state, course) => {
        const task = currentTask(state, course);
        return task && hasPassed(state, task.id) ? 's solution' : undefined;
      },
      action: () => ({ type: 'solution' }),
    },
    {
      keys: ['t'],
      help: 'switch the body: lesson and checks, the checks alone, the lesson alone',
      footer: (state) => `t ${paneWords[nextPane(state.pane)]}`,
      action: () => ({ type: 'cycle-pane' }),
    },
    ...scrolling(undefined),
    {
      keys: ['esc'],
      help: 'cancel a check that is running; else back to the map',
      footer: (state, course) => {
        const task = currentTask(state, course);
        return task && state.runs[task.id]?.running ? 'Esc cancel' : undefined;
      },
      action: (state, _view, course) => {
        const task = currentTask(state, course);
        return task && state.runs[task.id]?.running ? { type: 'cancel' } : { type: 'back' };
      },
    },
    {
      keys: ['b'],
      help: 'back to the lesson map',
      footer: 'b back',
      action: () => ({ type: 'back' }),
    },
    help,
    quit,
  ],
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
