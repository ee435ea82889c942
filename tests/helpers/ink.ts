// Driving an Ink app in tests: send a key, then wait for the frame to show its effect (never a
// blind sleep), and read frames as plain text.
import { render } from 'ink-testing-library';
import { createElement } from 'react';
import App from '../../src/ui/app/App.js';
import { loadMarkdown } from '../../src/ui/lesson-text.js';
import type { TerminalControl } from '../../src/ui/terminal.js';
import type { Fake } from './fake-services.js';

export type Rendered = ReturnType<typeof render>;

/** Escape sequences of the keys the tutor reads. */
export const keys = {
  up: '\u001B[A',
  down: '\u001B[B',
  pageUp: '\u001B[5~',
  pageDown: '\u001B[6~',
  enter: '\r',
  escape: '\u001B',
  ctrlC: '\u0003',
} as const;

// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping escape sequences is the point.
const ansi = /\u001B\[[0-?]*[ -/]*[@-~]/g;

/** The last frame without colours. */
export function frame(app: Rendered): string {
  return (app.lastFrame() ?? '').replace(ansi, '');
}

/** Polls the frame until `condition` holds; returns that frame, or fails showing the last one. */
export async function waitForFrame(
  app: Rendered,
  condition: (frame: string) => boolean,
  timeoutMs = 3000,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const current = frame(app);
    if (condition(current)) return current;
    if (Date.now() > deadline)
      throw new Error(`Timed out waiting for the frame; the last one was:\n${current}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Waits for `text` to be on screen. */
export function waitForText(
  app: Rendered,
  text: string | RegExp,
  timeoutMs?: number,
): Promise<string> {
  return waitForFrame(
    app,
    (current) => (typeof text === 'string' ? current.includes(text) : text.test(current)),
    timeoutMs,
  );
}

/** Polls until `condition` holds (for effects that are not on screen, such as a check asked for). */
export async function waitUntil(
  condition: () => boolean,
  what: string,
  timeoutMs = 3000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Sends a key and waits until the frame shows `expected`. */
export async function press(
  app: Rendered,
  key: string,
  expected: string | RegExp | ((frame: string) => boolean),
  timeoutMs?: number,
): Promise<string> {
  app.stdin.write(key);
  return typeof expected === 'function'
    ? waitForFrame(app, expected, timeoutMs)
    : waitForText(app, expected, timeoutMs);
}

/** Gives the fake terminal a size and tells the app, as a real resize would. */
export function resize(app: Rendered, columns: number, rows: number): void {
  Object.defineProperty(app.stdout, 'columns', { value: columns, configurable: true });
  Object.defineProperty(app.stdout, 'rows', { value: rows, configurable: true });
  app.stdout.emit('resize');
}

/**
 * Waits until Ink listens for keys (it attaches its stdin listener after the first render) and
 * lessons render as markdown (the renderer loads after the first frame).
 */
export async function waitForReady(app: Rendered): Promise<void> {
  await loadMarkdown();
  await waitUntil(() => app.stdin.listenerCount('readable') > 0, 'the app reads keys');
}

const mounted: Rendered[] = [];

/** Unmounts every app `renderApp` rendered (for `afterEach`). */
export function unmountAll(): void {
  for (const app of mounted.splice(0)) app.unmount();
}

export interface RenderAppOptions {
  /** Lends the terminal to the editor (default: the app's inert one). */
  readonly terminal?: TerminalControl;
  /**
   * The fake terminal's size, given before the app is ready (default 100 × 24: a fake stdout
   * has no rows, and Ink would then ask the real terminal).
   */
  readonly size?: { readonly columns: number; readonly rows: number };
}

/** The app over `fake`'s services, ready for keys; `unmountAll` unmounts it. */
export async function renderApp(fake: Fake, options: RenderAppOptions = {}): Promise<Rendered> {
  const app = render(
    createElement(App, {
      services: fake.services,
      ...(options.terminal ? { terminal: options.terminal } : {}),
    }),
  );
  mounted.push(app);
  const size = options.size ?? { columns: 100, rows: 24 };
  resize(app, size.columns, size.rows);
  await waitForReady(app);
  return app;
}

/** The app on the task screen of `taskId` (reached from the map, as a student would). */
export async function renderOnTask(
  fake: Fake,
  taskId = 'sigmoid',
  options: RenderAppOptions = {},
): Promise<Rendered> {
  fake.progress.setLastLesson(fake.services.workspaceDir, taskId);
  const app = await renderApp(fake, options);
  const lesson = fake.services.course.tasks.find((task) => task.id === taskId);
  await press(app, keys.enter, `edit /tmp/logreg-ui-workspace/${lesson?.file}`);
  return app;
}
