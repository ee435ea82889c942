// A tmux server of its own, on its own socket, for the tests and the bench (no vitest here, so
// the bench can bundle it). The server outlives its sessions until it is killed: a run that kills
// its only session and starts another would otherwise race the server's exit ("server exited
// unexpectedly").
import { execFileSync, spawnSync } from 'node:child_process';

/** Runs tmux commands on `socket`; `kill` ends the server and every session on it. */
export interface TmuxSocket {
  (...args: string[]): string;
  kill(): void;
}

export function tmuxSocket(socket: string): TmuxSocket {
  const base = ['-L', socket, '-f', '/dev/null'];
  let started = false;
  const tmux = (...args: string[]): string => {
    if (!started) {
      execFileSync('tmux', [...base, 'start-server', ';', 'set-option', '-g', 'exit-empty', 'off']);
      started = true;
    }
    return execFileSync('tmux', [...base, ...args], { encoding: 'utf8' });
  };
  return Object.assign(tmux, {
    kill() {
      started = false;
      spawnSync('tmux', ['-L', socket, 'kill-server']);
    },
  });
}
