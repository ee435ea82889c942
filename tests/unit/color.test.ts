import { describe, expect, it, vi } from 'vitest';
import { shouldColor } from '../../src/color.js';

const terminal = { isTTY: true };
const pipe = { isTTY: false };

describe('shouldColor', () => {
  it('colours a terminal, not a pipe, a file or TERM=dumb', () => {
    expect(shouldColor(terminal, { env: {} })).toBe(true);
    expect(shouldColor(pipe, { env: {} })).toBe(false);
    expect(shouldColor({}, { env: {} })).toBe(false);
    expect(shouldColor(terminal, { env: { TERM: 'dumb' } })).toBe(false);
  });

  it('a non-empty NO_COLOR turns colour off; an empty one is ignored (no-color.org)', () => {
    expect(shouldColor(terminal, { env: { NO_COLOR: '1' } })).toBe(false);
    expect(shouldColor(terminal, { env: { NO_COLOR: 'false' } })).toBe(false);
    expect(shouldColor(terminal, { env: { NO_COLOR: '' } })).toBe(true);
  });

  it('reads FORCE_COLOR as chalk does, and it wins over NO_COLOR, a pipe and TERM=dumb', () => {
    for (const value of ['', 'true', '1', '2', '3', '7']) {
      expect(shouldColor(pipe, { env: { FORCE_COLOR: value } }), value).toBe(true);
      expect(shouldColor(terminal, { env: { FORCE_COLOR: value, NO_COLOR: '1' } })).toBe(true);
      expect(shouldColor(pipe, { env: { FORCE_COLOR: value, TERM: 'dumb' } })).toBe(true);
    }
    for (const value of ['0', 'false']) {
      expect(shouldColor(terminal, { env: { FORCE_COLOR: value } }), value).toBe(false);
    }
    // A value FORCE_COLOR does not define says nothing: the rules below it decide.
    expect(shouldColor(terminal, { env: { FORCE_COLOR: 'yes' } })).toBe(true);
    expect(shouldColor(terminal, { env: { FORCE_COLOR: 'yes', NO_COLOR: '1' } })).toBe(false);
    expect(shouldColor(pipe, { env: { FORCE_COLOR: 'yes' } })).toBe(false);
  });

  it('--color / --no-color win over FORCE_COLOR, NO_COLOR and the stream', () => {
    expect(shouldColor(pipe, { flag: true, env: { FORCE_COLOR: '0' } })).toBe(true);
    expect(shouldColor(pipe, { flag: true, env: { NO_COLOR: '1' } })).toBe(true);
    expect(shouldColor(terminal, { flag: false, env: { FORCE_COLOR: '3' } })).toBe(false);
    expect(shouldColor(terminal, { flag: false, env: {} })).toBe(false);
  });

  it('reads process.env when given no environment', () => {
    vi.stubEnv('FORCE_COLOR', '1');
    try {
      expect(shouldColor(pipe)).toBe(true);
      vi.stubEnv('FORCE_COLOR', '0');
      expect(shouldColor(terminal)).toBe(false);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
