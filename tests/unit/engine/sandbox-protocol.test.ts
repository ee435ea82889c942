// A sandbox process that no longer plays by the rules (as one whose student code took it over
// would): forged messages, giant lengths, lies about sizes. Whatever it sends, the run ends as a
// failed check that says the reply could not be read, within its limit, and the tutor goes on.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTask } from '../../../src/engine/run-task.js';
import { SandboxPool } from '../../../src/engine/sandbox.js';
import { decodeValue, readRealmReply, Unreadable, wireLimits } from '../../../src/engine/wire.js';
import { alive } from '../../helpers/process.js';
import { makeWorkspace, solvedFiles, task, tempDir } from '../../helpers/workspace.js';

const sigmoid = task('sigmoid');
const folder = tempDir('logreg-forger-');

/** A sandbox entry that says it is ready, then answers the load with `forge` (JS, given `frame`). */
function forger(name: string, forge: string): string {
  const file = path.join(folder, `${name}.cjs`);
  writeFileSync(
    file,
    `'use strict';
const fs = require('node:fs');
function frame(kind, payload) {
  const head = Buffer.alloc(16);
  head.writeUInt32LE(payload.length + 12, 0);
  head.writeUInt8(kind, 4);
  fs.writeSync(3, head);
  fs.writeSync(3, payload);
}
let requests = 0;
process.stdin.on('data', () => {
  if (requests++ === 0) return frame(0, Buffer.from('{"type":"ready"}'));
  ${forge}
});
process.stdin.on('end', () => process.exit(0));
`,
  );
  return file;
}

const forgeries: Record<string, string> = {
  'a giant length': `const head = Buffer.alloc(16); head.writeUInt32LE(0xffffffff, 0); fs.writeSync(3, head);`,
  'a verdict of its own': `frame(0, Buffer.from('{"type":"verdict","status":"pass","passed":true}'));`,
  'an unknown tag': `frame(1, Buffer.from([99, 0, 0, 0, 0, 0, 0, 0]));`,
  'an array longer than its bytes': `const b = Buffer.alloc(8); b.writeUInt8(6, 0); b.writeUInt32LE(0x80000000, 4); frame(1, b);`,
  'a time that is no number': `const b = Buffer.alloc(16); b.writeUInt32LE(16 + 12, 0); b.writeUInt8(1, 4); b.writeDoubleLE(NaN, 8); fs.writeSync(3, b); fs.writeSync(3, Buffer.from([1,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0]));`,
  'a flood of "ready"': `for (let i = 0; i < 100000; i++) frame(0, Buffer.from('{"type":"ready"}'));`,
  'nothing at all, then silence': `/* never answers */`,
};

describe('a sandbox that forges its replies', () => {
  for (const [name, forge] of Object.entries(forgeries)) {
    it(`${name}: a failed check that says why, and no process left`, async () => {
      const pool = new SandboxPool(64, forger(name.replaceAll(' ', '-'), forge));
      pool.prewarm();
      const pids = pool.pids();
      const workspaceDir = makeWorkspace({ ...solvedFiles(), [sigmoid.file]: sigmoid.solution });
      const result = await runTask(sigmoid, { workspaceDir, pool, limits: { timeoutMs: 1000 } });
      await pool.close();
      if (name.startsWith('nothing')) {
        expect(result.status).toBe('timeout');
      } else {
        expect(result.status).toBe('fail');
        expect(result.error).toMatch(/returned something the checks cannot read/);
      }
      expect(result.checks.some((check) => check.passed)).toBe(false);
      expect(pids.filter(alive)).toEqual([]);
      // The tutor goes on: a real sandbox passes the same file.
      const next = await runTask(sigmoid, { workspaceDir });
      expect(next.status).toBe('pass');
    });
  }
});

describe('reading replies', () => {
  /** Bytes as realm.js writes them, in a buffer of their own (as the frame reader leaves them). */
  function bytes(values: readonly number[]): Uint8Array {
    const out = new Uint8Array(new ArrayBuffer(Math.ceil(values.length / 8) * 8), 0, values.length);
    out.set(values);
    return out;
  }

  it('refuses lengths, tags and trailing bytes that break the format', () => {
    expect(() => decodeValue(bytes([7, 0, 0, 0, 255, 255, 255, 255]))).toThrow(Unreadable);
    expect(() => decodeValue(bytes([42]))).toThrow(/unknown tag 42/);
    expect(() => decodeValue(bytes([1, 1]))).toThrow(/bytes after the value/);
    // An object claiming more keys than it has bytes.
    expect(() => decodeValue(bytes([9, 0, 0, 0, 0, 0, 0, 16]))).toThrow(/more keys than bytes/);
  });

  it('refuses values nested deeper than the limit', () => {
    const deep = new Array(wireLimits.maxDepth + 2).fill(0).flatMap(() => [6, 0, 0, 0, 1, 0, 0, 0]);
    expect(() => decodeValue(bytes([...deep, 1]))).toThrow(/nested too deep/);
  });

  it('takes a reply only in one of its fixed shapes', () => {
    // { kind: 'pass' }: an object of one key, "kind" → "pass"
    const key = [4, 0, 0, 0, ...'kind'.split('').flatMap((c) => [c.charCodeAt(0), 0])];
    const value = [
      5,
      0,
      0,
      0,
      4,
      0,
      0,
      0,
      ...'pass'.split('').flatMap((c) => [c.charCodeAt(0), 0]),
    ];
    const reply = bytes([9, 0, 0, 0, 1, 0, 0, 0, ...key, ...value]);
    expect(decodeValue(reply)).toEqual({ kind: 'pass' });
    expect(() => readRealmReply(reply)).toThrow(/wrong shape/);
  });
});
