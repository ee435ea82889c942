// The real tutor in a tmux pane with its type-checker running (a child process): however the
// tutor ends (a kill, the terminal closing, a crash that skips every cleanup), the type-checker
// ends with it. The type error it found is on screen first, so the process is known to be up.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCourse } from '../../src/lessons/load.js';
import { alive } from '../helpers/process.js';
import {
  checkedWorkspace,
  hasTmux,
  repo,
  tmuxServer,
  tutorFolder,
  tutorProcesses,
  until,
} from '../helpers/tmux.js';

const server = tmuxServer('logreg-typecheck');
const { tmux } = server;

/** The type-checker the tutor started, found by its script's name among the tutor's children. */
function typeCheckerOf(tutor: number): number | undefined {
  const found = spawnSync('pgrep', ['-P', String(tutor), '-f', 'typecheck-worker'], {
    encoding: 'utf8',
  });
  const [pid] = found.stdout.split('\n').filter(Boolean).map(Number);
  return pid;
}

describe.runIf(hasTmux && process.platform === 'linux')(
  'the type-checker process ends with the tutor',
  () => {
    const course = loadCourse();
    const sigmoid = course.tasks[0];
    const { temp, configDir } = tutorFolder(server, 'logreg-typecheck-');

    /** A workspace whose sigmoid passes its checks but has a type error, checked once. */
    function typeErrorWorkspace(name: string): string {
      if (!sigmoid) throw new Error('The course has no tasks');
      const solution = readFileSync(path.join(repo, 'lessons', sigmoid.dir, 'solution.ts'), 'utf8');
      return checkedWorkspace({
        dir: path.join(temp, name),
        configDir,
        file: sigmoid.file,
        source: `${solution}\nexport const label: string = 5;\n`,
        checkArgs: ['sigmoid'],
      });
    }

    /** Opens sigmoid in the tutor and waits for its type error: the type-checker is up. */
    async function startTypeChecking(
      session: string,
      workspace: string,
    ): Promise<{ tutor: number; checker: number }> {
      if (!sigmoid) throw new Error('The course has no tasks');
      server.launch(session, {
        env: { LOGREG_TUTOR_CONFIG_DIR: configDir },
        args: ['--workspace', workspace],
      });
      await server.openFromMap(session, sigmoid.file);
      await server.waitForText(session, '1 type error');
      const [tutor] = tutorProcesses(workspace);
      if (tutor === undefined) throw new Error('The tutor is not running');
      const checker = typeCheckerOf(tutor);
      if (checker === undefined) throw new Error('The tutor has no type-checker process');
      return { tutor, checker };
    }

    it('SIGTERM: the tutor and its type-checker both end', async () => {
      const { tutor, checker } = await startTypeChecking('term', typeErrorWorkspace('term-lab'));
      process.kill(tutor, 'SIGTERM');
      await until('both to exit', () => !alive(tutor) && !alive(checker), { timeoutMs: 4000 });
      expect([alive(tutor), alive(checker)]).toEqual([false, false]);
    }, 40_000);

    it('the terminal closing (SIGHUP): no type-checker is left behind', async () => {
      const { tutor, checker } = await startTypeChecking('hup', typeErrorWorkspace('hup-lab'));
      tmux('kill-session', '-t', 'hup');
      await until('both to exit', () => !alive(tutor) && !alive(checker), { timeoutMs: 4000 });
      expect([alive(tutor), alive(checker)]).toEqual([false, false]);
    }, 40_000);

    it('a tutor killed outright (SIGKILL, no cleanup runs): the type-checker still ends', async () => {
      const { tutor, checker } = await startTypeChecking('kill', typeErrorWorkspace('kill-lab'));
      process.kill(tutor, 'SIGKILL');
      await until('the type-checker to exit', () => !alive(checker), { timeoutMs: 4000 });
      expect(alive(checker)).toBe(false);
    }, 40_000);
  },
);
