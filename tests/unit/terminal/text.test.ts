import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { stripAnsi, textWidth, wrapLine } from '../../../src/terminal/text.js';

const red = (text: string) => `\u001B[31m${text}\u001B[39m`;

describe('textWidth', () => {
  it('counts columns as Ink does: emoji two, a ZWJ family two, a soft hyphen none', () => {
    expect(textWidth('✅')).toBe(2);
    expect(textWidth('⌚')).toBe(2);
    expect(textWidth('👨‍👩‍👧')).toBe(2);
    expect(textWidth('soft\u00ADhyphen')).toBe(10);
    expect(textWidth(red('σ(z) = 1/(1+e⁻ᶻ)'))).toBe(16);
  });
});

describe('wrapLine', () => {
  it('keeps every row within the width, emoji included', () => {
    const line = 'each check ✅ passed in time ⌚ for the whole 👨‍👩‍👧 family of tasks';
    const rows = wrapLine(line, 12);
    expect(rows.length).toBeGreaterThan(1);
    for (const row of rows) expect(stringWidth(row)).toBeLessThanOrEqual(12);
    expect(rows.map((row) => row.trim()).join(' ')).toBe(line);
  });

  it('hangs continuation rows under the text after a list marker', () => {
    const rows = wrapLine('  • the gradient of the loss is Xᵀ(σ(Xw) − y)', 20);
    expect(rows[0]).toMatch(/^ {2}• the/);
    for (const row of rows.slice(1)) expect(row).toMatch(/^ {4}\S/);
  });

  it('re-opens the colour on each row, so a row can be drawn on its own', () => {
    const rows = wrapLine(red('a red sentence that wraps'), 10);
    expect(rows.length).toBeGreaterThan(1);
    for (const row of rows) {
      expect(row.startsWith('\u001B[31m')).toBe(true);
      expect(stripAnsi(row).length).toBeLessThanOrEqual(10);
    }
  });

  it('cuts a word longer than a row', () => {
    const rows = wrapLine('x'.repeat(25), 10);
    expect(rows).toEqual(['x'.repeat(10), 'x'.repeat(10), 'x'.repeat(5)]);
  });
});
