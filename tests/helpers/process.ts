// Whether a process the tests started (or the tutor started) is still running.
import { readdirSync, readFileSync } from 'node:fs';

/** Whether `pid` is a live process (a zombie nobody has reaped yet counts as gone). */
export function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    if (process.platform === 'linux') return false;
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  }
}

/** A process's start time as /proc gives it (clock ticks since boot; Linux only). */
export function startTime(pid: number): string {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? '';
}

/** Fields of /proc/PID/stat after the command name: state, parent, process group, … */
function statFields(pid: number): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

/** A live process: its parent, its process group, and the CPU it has used (clock ticks). */
export interface ProcessEntry {
  readonly pid: number;
  readonly parent: number;
  readonly group: number;
  readonly cpuTicks: number;
}

/** Every live process on this machine (Linux), with its parent and process group. */
export function processTable(): ProcessEntry[] {
  const table: ProcessEntry[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const fields = statFields(Number(name));
    if (!fields || fields[0] === 'Z') continue;
    table.push({
      pid: Number(name),
      parent: Number(fields[1]),
      group: Number(fields[2]),
      cpuTicks: Number(fields[11]) + Number(fields[12]),
    });
  }
  return table;
}

/** Live processes whose process group is one of `groups` (a sandbox and what it started). */
export function inGroups(groups: readonly number[]): number[] {
  return processTable()
    .filter((entry) => groups.includes(entry.group))
    .map((entry) => entry.pid);
}
