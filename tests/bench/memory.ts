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

/** A kind of process the tutor runs, told by its command line. */
function kindOf(command: string): string {
  if (command.includes('typecheck-worker')) return 'type-checker';
  if (command.includes('sandbox')) return 'sandbox';
  if (/esbuild/.test(command)) return 'esbuild service';
  return command.split(' ').slice(0, 3).join(' ');
}

/** A process's command line, '' when it is gone. */
function commandOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
  } catch {
    return '';
  }
}

/** The processes below `pid` (children, their children, …), each with its command line. */
function descendants(pid: number): { pid: number; command: string }[] {
  const found = childProcesses(pid);
  return [...found, ...found.flatMap((child) => descendants(child.pid))];
}

/** Peak memory of a process tree, by kind of process, and of the whole tree at once. */
export interface TreeMemory {
  /** Peak resident MB of the root (the TUI) and of each kind of process below it. */
  readonly peakMbByKind: Record<string, number>;
  /** How many processes of each kind were seen (a sandbox process serves one run). */
  readonly countByKind: Record<string, number>;
  /** The largest resident total of the whole tree seen at one moment, MB. */
  readonly peakTotalMb: number;
}

/**
 * Samples the memory of `root` and every process below it while it runs. Processes that end
 * (a sandbox after its run, an idle type-checker) are read while they live, so their peak
 * (VmHWM) counts too.
 */
export function sampleTree(root: number, everyMs = 100): { stop(): TreeMemory } {
  const peakByPid = new Map<number, { kind: string; peakMb: number }>();
  let peakTotalMb = 0;
  let rootCommand: string | undefined;
  const sample = () => {
    // Read at every sample: the root starts as the pane's shell and execs the tutor.
    rootCommand = commandOf(root) || rootCommand;
    let total = 0;
    for (const { pid, command } of descendants(root)) {
      // Between fork and exec a child still shows the TUI's command line and shares its pages:
      // no figure of its own yet.
      if (command === '' || command === rootCommand) continue;
      const { rssMb, peakMb } = residentMemory(pid);
      if (!Number.isFinite(rssMb)) continue;
      total += rssMb;
      const seen = peakByPid.get(pid);
      peakByPid.set(pid, { kind: kindOf(command), peakMb: Math.max(seen?.peakMb ?? 0, peakMb) });
    }
    const tui = residentMemory(root);
    if (Number.isFinite(tui.rssMb)) {
      total += tui.rssMb;
      peakByPid.set(root, { kind: 'TUI', peakMb: tui.peakMb });
    }
    peakTotalMb = Math.max(peakTotalMb, total);
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    stop() {
      sample();
      clearInterval(timer);
      const peakMbByKind: Record<string, number> = {};
      const countByKind: Record<string, number> = {};
      for (const { kind, peakMb } of peakByPid.values()) {
        peakMbByKind[kind] = Math.max(peakMbByKind[kind] ?? 0, peakMb);
        countByKind[kind] = (countByKind[kind] ?? 0) + 1;
      }
      return { peakMbByKind, countByKind, peakTotalMb };
    },
  };
}

/** The memory of several runs of the same session: per kind, the median of their peaks. */
export interface MemoryOfRuns extends TreeMemory {
  readonly runs: number;
  /** Per kind, the lowest and the highest of the runs' peaks: how much one run can say. */
  readonly lowMbByKind: Record<string, number>;
  readonly highMbByKind: Record<string, number>;
}

/**
 * One figure per kind from several runs: a single run's peaks vary by tens of MB (when V8
 * collects, how far a young generation grew), so one run cannot show a change of that size.
 */
export function memoryOfRuns(trees: readonly TreeMemory[]): MemoryOfRuns {
  const kinds = [...new Set(trees.flatMap((tree) => Object.keys(tree.peakMbByKind)))];
  const perKind = (
    figure: (values: number[]) => number,
    of: keyof TreeMemory & `${string}ByKind`,
  ) =>
    Object.fromEntries(
      kinds.map((kind) => [kind, figure(trees.flatMap((tree) => tree[of][kind] ?? []))]),
    );
  return {
    runs: trees.length,
    peakMbByKind: perKind(median, 'peakMbByKind'),
    countByKind: perKind((counts) => Math.round(median(counts)), 'countByKind'),
    lowMbByKind: perKind((peaks) => Math.min(...peaks), 'peakMbByKind'),
    highMbByKind: perKind((peaks) => Math.max(...peaks), 'peakMbByKind'),
    peakTotalMb: median(trees.map((tree) => tree.peakTotalMb)),
  };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length % 2 === 1) return sorted[middle] ?? Number.NaN;
  return ((sorted[middle - 1] ?? Number.NaN) + (sorted[middle] ?? Number.NaN)) / 2;
}
