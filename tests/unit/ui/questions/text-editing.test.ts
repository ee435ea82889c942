import { describe, expect, it } from 'vitest';
import { applyInput, type Draft } from '../../../../src/ui/questions/text-editing.js';

const empty: Draft = { text: '', cursor: 0 };
const at = (text: string, cursor = text.length): Draft => ({ text, cursor });

describe('applyInput', () => {
  it('inserts a pasted chunk whole, at the cursor', () => {
    expect(applyInput(empty, 'σ(−z) = 1 − σ(z)', {}, false)).toEqual({
      draft: at('σ(−z) = 1 − σ(z)'),
      submit: false,
    });
    expect(applyInput(at('ac', 1), 'b', {}, false).draft).toEqual(at('abc', 2));
  });

  it('treats a line break ending a chunk as Enter, and one inside it as pasted text', () => {
    expect(applyInput(empty, 'abc\r', {}, false)).toEqual({ draft: at('abc'), submit: true });
    expect(applyInput(empty, 'one\r\ntwo', {}, false).draft).toEqual(at('one\ntwo'));
    expect(applyInput(at('x'), '', { return: true }, false)).toEqual({
      draft: at('x'),
      submit: true,
    });
    expect(applyInput(at('x'), '\n', {}, false).submit).toBe(true);
  });

  it('deletes with Backspace, also inside a chunk, and never past the start', () => {
    expect(applyInput(at('abc'), '', { delete: true }, false).draft).toEqual(at('ab'));
    expect(applyInput(at('abc'), '', { backspace: true }, false).draft).toEqual(at('ab'));
    expect(applyInput(at('ab'), 'c\u007F\u007Fx', {}, false).draft).toEqual(at('ax'));
    expect(applyInput(empty, '\u007F', {}, false).draft).toEqual(empty);
    expect(applyInput(at('a𝑥'), '\b', {}, false).draft).toEqual(at('a'));
  });

  it('moves the cursor with the arrows, Home and End', () => {
    expect(applyInput(at('abc'), '', { leftArrow: true }, false).draft).toEqual(at('abc', 2));
    expect(applyInput(at('abc', 0), '', { leftArrow: true }, false).draft).toEqual(at('abc', 0));
    expect(applyInput(at('ab\ncd', 4), '', { home: true }, false).draft).toEqual(at('ab\ncd', 3));
    expect(applyInput(at('ab\ncd', 0), '', { end: true }, false).draft).toEqual(at('ab\ncd', 2));
  });

  it('in a multi-line answer, Enter starts a line and Enter on an empty line submits', () => {
    const first = applyInput(at('line one'), '', { return: true }, true);
    expect(first).toEqual({ draft: at('line one\n'), submit: false });
    expect(applyInput(first.draft, '', { return: true }, true).submit).toBe(true);
    expect(applyInput(empty, '\r', {}, true).submit).toBe(true);
  });

  it('drops control characters that are not text', () => {
    expect(applyInput(empty, 'a\u0001b\tc', {}, false).draft).toEqual(at('ab c'));
  });
});

describe('applyInput inside a bracketed paste', () => {
  it('keeps every line break of the paste as text, even one ending a chunk', () => {
    expect(applyInput(empty, 'one\r', {}, false, true)).toEqual({
      draft: at('one\n'),
      submit: false,
    });
    expect(applyInput(at('one'), '', { return: true }, false, true).submit).toBe(false);
  });
});
