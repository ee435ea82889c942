// A process's memory as Linux counts it (/proc/PID/status), for the benchmark's figures.
import { readFileSync } from 'node:fs';

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
