// Colour and CI on a real terminal (a tmux pane), read with the escape codes the tutor drew
// (`capture-pane -e`): NO_COLOR, FORCE_COLOR and --color / --no-color in the TUI and in the
// commands that colour their output, and a TUI that draws with CI=true in its environment.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasTmux, tmuxServer, tutorFolder } from '../helpers/tmux.js';
import { makeWorkspace, solvedFiles } from '../helpers/workspace.js';

const server = tmuxServer('logreg-conventions');

/** SGR sequences that set a colour (foreground or background, any depth), not bold or dim. */
function colourCodes(styled: string): string[] {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the escape codes are the point.
  return [...styled.matchAll(/\u001B\[([\d;]*)m/g)]
    .filter(([, params = '']) =>
      params.split(';').some((param) => {
        const code = Number(param);
        return (code >= 30 && code <= 38) || (code >= 40 && code <= 48) || code >= 90;
      }),
    )
    .map(([sequence]) => sequence);
}

// Nothing of the test run's own colour settings reaches the tutor but what each test sets.
const neutral = { NO_COLOR: undefined, FORCE_COLOR: undefined, CI: undefined };

describe.runIf(hasTmux)('colour and CI in a real terminal (tmux)', () => {
  const { temp, configDir } = tutorFolder(server, 'logreg-conventions-');
  let sessions = 0;

  /** Starts the TUI with `env` and `args`; resolves with its map, as text and with escapes. */
  async function tuiMap(env: Record<string, string | undefined>, args: string[] = []) {
    const session = `tui${++sessions}`;
    const workspace = path.join(temp, session);
    server.launch(session, {
      env: { ...neutral, LOGREG_TUTOR_CONFIG_DIR: configDir, ...env },
      args: ['--workspace', workspace, ...args],
    });
    await server.waitForText(session, 'Welcome to logreg-tutor');
    await server.waitForRawMode(session);
    await server.press(session, 'Enter', 'tasks passed');
    return { session, text: server.screen(session), styled: server.styledScreen(session) };
  }

  it('NO_COLOR=1: the map and a lesson are drawn without a colour code', async () => {
    const { session, text, styled } = await tuiMap({ NO_COLOR: '1' });
    expect(text).toContain('01-sigmoid.ts');
    expect(colourCodes(styled)).toEqual([]);
    // A lesson: markdown, which marked-terminal colours with a chalk of its own.
    await server.press(session, 'j', /› .*Stable sigmoid/);
    await server.press(session, 'Enter', 'edit ');
    await server.waitForText(session, 'σ(z)');
    expect(colourCodes(server.styledScreen(session))).toEqual([]);
  });

  it('an empty NO_COLOR is ignored: colour, lessons included', async () => {
    const { session, styled } = await tuiMap({ NO_COLOR: '' });
    expect(colourCodes(styled).length).toBeGreaterThan(0);
    await server.press(session, 'j', /› .*Stable sigmoid/);
    await server.press(session, 'Enter', 'edit ');
    await server.waitForText(session, 'σ(z)');
    expect(colourCodes(server.styledScreen(session)).length).toBeGreaterThan(0);
  });

  it('FORCE_COLOR wins over NO_COLOR, and --no-color over FORCE_COLOR', async () => {
    const forced = await tuiMap({ NO_COLOR: '1', FORCE_COLOR: '1' });
    expect(colourCodes(forced.styled).length).toBeGreaterThan(0);
    const flagged = await tuiMap({ FORCE_COLOR: '1' }, ['--no-color']);
    expect(colourCodes(flagged.styled)).toEqual([]);
  });

  it('CI=true on a real terminal: the TUI draws its screens and reads keys', async () => {
    const { session, text } = await tuiMap({ CI: 'true' });
    expect(text).toContain('01-sigmoid.ts');
    await server.press(session, 'q', 'EXITED 0');
  });

  describe('check and plot', () => {
    const dir = makeWorkspace(solvedFiles());
    const cases: {
      readonly env: Record<string, string | undefined>;
      readonly flag?: string;
      readonly colour: boolean;
    }[] = [
      { env: {}, colour: true },
      { env: { NO_COLOR: '' }, colour: true },
      { env: { NO_COLOR: '1' }, colour: false },
      { env: { TERM: 'dumb' }, colour: false },
      { env: { FORCE_COLOR: '0' }, colour: false },
      { env: { FORCE_COLOR: '0' }, flag: '--color', colour: true },
      { env: { NO_COLOR: '1', FORCE_COLOR: '1' }, colour: true },
      { env: {}, flag: '--no-color', colour: false },
    ];
    for (const command of ['check', 'plot']) {
      it.each(cases)(`${command}: %j`, async ({ env, flag, colour }) => {
        const session = `${command}${++sessions}`;
        server.launch(session, {
          env: { ...neutral, LOGREG_TUTOR_CONFIG_DIR: configDir, ...env },
          args: ['-w', dir, command, 'sigmoid', ...(flag ? [flag] : [])],
        });
        const text = await server.waitForText(session, /EXITED \d/);
        expect(text, text).toContain('EXITED 0');
        expect(colourCodes(server.styledScreen(session)).length > 0).toBe(colour);
      });
    }
  });
});
