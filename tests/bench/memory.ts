// A process's memory as Linux counts it (/proc/PID/status), for the benchmark's figures.
import { readdirSync, readFileSync } from 'node:fs';

/** Resident memory now and at its peak, in MB; NaN where /proc cannot be read (not Linux). */
export function residentMemory(pid: number | 'self' = 'self'): { rssMb: number; peakMb: number } {
  let status = '';
  try {
    status = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    // Not Linux, or the process is gone: no figures.
  }
  const kb = (field: string) =>
    Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? Number.NaN);
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}

/** The processes `pid` started that are still running (Linux), each with its command line. */
export function childProcesses(pid: number): { pid: number; command: string }[] {
  let threads: string[] = [];
  try {
    threads = readdirSync(`/proc/${pid}/task`);
  } catch {
    return [];
  }
  const children = threads.flatMap((thread) => {
    try {
      return readFileSync(`/proc/${pid}/task/${thread}/children`, 'utf8')
        .split(/\s+/)
        .filter(Boolean);
    } catch {
      return [];
    }
  });
  return children.map((child) => {
    let command = '';
    try {
      command = readFileSync(`/proc/${child}/cmdline`, 'utf8')
        .split('\0')
        .filter(Boolean)
        .join(' ');
    } catch {
      // Gone since it was listed.
    }
    return { pid: Number(child), command };
  });
}
