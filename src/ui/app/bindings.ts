// What a key binding is, how keys are named and written, and the bindings many screens share
// (quit, help, scrolling, closing a panel). Each feature's keys.ts builds on these; app/keymap.ts
// gathers them into the one keymap.
import type { Course } from '../../lessons/types.js';
import type { Action, UiState, View } from './state.js';

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

export const quit: Binding = {
  keys: ['q'],
  help: 'quit (your progress is saved)',
  footer: 'q quit',
  action: () => ({ type: 'quit' }),
};

export const help: Binding = {
  keys: ['?'],
  help: 'this help',
  footer: '? help',
  action: () => ({ type: 'help' }),
};

const scrollGroup = 'scroll the lesson (the checks, when alone): a row, a page, top, end';

export function scrolling(footer: string | undefined): Binding[] {
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

export function overlayScrolling(): Binding[] {
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

export const close = (footer: string, keys: readonly string[] = ['esc', 'b']): Binding => ({
  keys,
  help: 'close this panel',
  footer,
  action: () => ({ type: 'close-overlay' }),
});
