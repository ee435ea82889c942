import { describe, expect, it } from 'vitest';
import { calendarDate, textWidth, truncate } from '../../../src/ui/text.js';

describe('calendarDate', () => {
  it('is the local date as toLocaleDateString("en-CA") writes it', () => {
    for (const at of [
      Date.parse('2026-01-01T00:00:00.000Z'),
      Date.parse('2026-11-28T23:59:59.000Z'),
      Date.parse('1999-07-04T12:30:00.000Z'),
      new Date(2030, 8, 9, 0, 0, 1).getTime(),
    ])
      expect(calendarDate(at)).toBe(new Date(at).toLocaleDateString('en-CA'));
  });
});

describe('truncate', () => {
  it('cuts to the columns given, emoji counted whole, ending with …', () => {
    expect(truncate('short', 10)).toBe('short');
    const cut = truncate('✅'.repeat(10), 9);
    expect(cut).toBe(`${'✅'.repeat(4)}…`);
    expect(textWidth(cut)).toBe(9);
  });
});
