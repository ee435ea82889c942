// The corpus of student files (tests/content/corpus/files), written from how students err rather
// than from the checks: every entry meets the expectation in its header, except the gaps recorded
// in known-gaps.json, which must still behave exactly as recorded (so a fixed check shrinks it).
import { beforeAll, describe, expect, it } from 'vitest';
import { runTask } from '../../src/engine/run-task.js';
import { makeWorkspace, solvedFiles, task } from '../helpers/workspace.js';
import {
  judge,
  listEntries,
  mapPool,
  type Observed,
  observe,
  parseHeader,
  readKnownGaps,
  type Verdict,
} from './corpus/corpus.js';

const entries = listEntries();
const knownGaps = readKnownGaps();

// Each run has a worker thread of its own; a few at a time keep both cores busy.
const concurrentRuns = 3;

const runs = new Map<string, { observed: Observed; verdict: Verdict }>();

describe('the corpus of student files', () => {
  beforeAll(async () => {
    await mapPool(entries, concurrentRuns, async (entry) => {
      const dir = makeWorkspace({ ...solvedFiles(), ...entry.files });
      const result = await runTask(task(entry.taskId), {
        workspaceDir: dir,
        limits: { timeoutMs: 10_000 },
      });
      const observed = observe(result);
      runs.set(entry.id, { observed, verdict: judge(entry.expectation, observed) });
    });
  }, 600_000);

  it('has at least 100 wrong files, and at least 6 correct styles for each task', () => {
    expect(entries.filter((entry) => entry.expectation.kind === 'fail').length).toBeGreaterThan(99);
    const styles = new Map<string, number>();
    for (const entry of entries) {
      const count = styles.get(entry.lessonDir) ?? 0;
      styles.set(entry.lessonDir, count + (entry.expectation.kind === 'pass' ? 1 : 0));
    }
    expect(styles.size).toBe(8);
    expect([...styles].filter(([, count]) => count < 6)).toEqual([]);
  });

  it('records gaps only for entries that exist', () => {
    const ids = new Set(entries.map((entry) => entry.id));
    expect(Object.keys(knownGaps).filter((id) => !ids.has(id))).toEqual([]);
  });

  it.each(entries.map((entry) => [entry.id, entry] as const))('%s', (id, entry) => {
    const run = runs.get(id);
    if (!run) throw new Error(`${id} did not run`);
    const gap = knownGaps[id];
    if (gap) {
      // A recorded gap: the checks still do exactly what they did (fix one, then take it out).
      expect({ verdict: run.verdict, ...run.observed }).toEqual(gap);
    } else {
      expect({ verdict: run.verdict, ...run.observed, expected: entry.expectation }).toMatchObject({
        verdict: 'ok',
      });
    }
  });
});

describe('judging a run against an entry', () => {
  const fail = (...mistakes: string[]) => ({ kind: 'fail' as const, mistakes });
  const run = (status: string, ...mistakes: string[]) => ({ status, mistakes });

  it('a wrong file must fail, naming only its own mistake, and at least that one', () => {
    expect(judge(fail('rounds'), run('fail', 'rounds'))).toBe('ok');
    expect(judge(fail('rounds'), run('pass'))).toBe('passes');
    expect(judge(fail('rounds'), run('fail', 'rounds', 'zero-tail'))).toBe('misnamed');
    expect(judge(fail('rounds'), run('fail'))).toBe('unnamed');
    expect(judge(fail('log-zero', 'zero-log-zero'), run('crash', 'log-zero'))).toBe('ok');
  });

  it('a wrong file with no mistake to name must fail without one', () => {
    expect(judge(fail(), run('fail'))).toBe('ok');
    expect(judge(fail(), run('timeout'))).toBe('ok');
    expect(judge(fail(), run('fail', 'rounds'))).toBe('misnamed');
  });

  it('a correct file must pass', () => {
    expect(judge({ kind: 'pass' }, run('pass'))).toBe('ok');
    expect(judge({ kind: 'pass' }, run('fail'))).toBe('rejected');
  });

  it('reads the header, and refuses one that does not say what to expect', () => {
    expect(parseHeader('// Wrong: x\n// Expect: fail, mistake a or b-c\n', 'e')).toEqual({
      description: 'x',
      expectation: fail('a', 'b-c'),
    });
    expect(parseHeader('// Right: y\n// Expect: pass\n', 'e').expectation).toEqual({
      kind: 'pass',
    });
    expect(() => parseHeader('// Right: y\n// Expect: fail, no mistake named\n', 'e')).toThrow(
      /must pass/,
    );
    expect(() => parseHeader('// a student file\n', 'e')).toThrow(/line 1/);
  });
});
