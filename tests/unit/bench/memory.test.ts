// The bench's memory figure over several TUI sessions: per kind of process, the median session's
// peak and the range, so that one session's swing is not read as a change.
import { describe, expect, it } from 'vitest';
import { memoryOfRuns } from '../../bench/memory.js';

describe('memoryOfRuns', () => {
  it('takes per kind the median of the peaks, their range, and the median total', () => {
    const figures = memoryOfRuns([
      {
        peakMbByKind: { TUI: 212, sandbox: 67 },
        countByKind: { TUI: 1, sandbox: 120 },
        peakTotalMb: 430,
      },
      {
        peakMbByKind: { TUI: 191, sandbox: 68 },
        countByKind: { TUI: 1, sandbox: 126 },
        peakTotalMb: 410,
      },
      { peakMbByKind: { TUI: 192 }, countByKind: { TUI: 1 }, peakTotalMb: 419 },
    ]);
    expect(figures).toEqual({
      runs: 3,
      peakMbByKind: { TUI: 192, sandbox: 67.5 },
      countByKind: { TUI: 1, sandbox: 123 },
      lowMbByKind: { TUI: 191, sandbox: 67 },
      highMbByKind: { TUI: 212, sandbox: 68 },
      peakTotalMb: 419,
    });
  });

  it('has no figures when nothing ran', () => {
    const figures = memoryOfRuns([]);
    expect(figures.runs).toBe(0);
    expect(figures.peakMbByKind).toEqual({});
    expect(figures.peakTotalMb).toBeNaN();
  });
});
