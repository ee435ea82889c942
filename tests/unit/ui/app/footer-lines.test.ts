import { describe, expect, it } from 'vitest';
import { fitFooter, footerLines } from '../../../../src/ui/app/footer-lines.js';

const taskKeys = [
  'r recheck',
  'h hint',
  'e edit',
  'p plots',
  'a answer',
  'n next',
  's solution',
  't checks',
  'b back',
  '? help',
  'q quit',
];

describe('fitFooter', () => {
  it('keeps every item when they fit', () => {
    expect(fitFooter(taskKeys, 200)).toEqual(taskKeys);
  });

  it('drops the last items first but always keeps help and quit', () => {
    const fitted = fitFooter(taskKeys, 80);
    expect(fitted.join('  ').length).toBeLessThanOrEqual(80);
    expect(fitted.slice(0, 3)).toEqual(['r recheck', 'h hint', 'e edit']);
    expect(fitted.slice(-2)).toEqual(['? help', 'q quit']);
  });

  it('keeps help and quit even when nothing else fits', () => {
    expect(fitFooter(taskKeys, 10)).toEqual(['? help', 'q quit']);
  });
});

describe('footerLines', () => {
  it('is one line when every item fits', () => {
    expect(footerLines(taskKeys, 200)).toEqual([taskKeys]);
  });

  it('wraps between items at 80 columns so that every key of the task screen is shown', () => {
    const lines = footerLines(taskKeys, 80);
    expect(lines).toHaveLength(2);
    expect(lines.flat()).toEqual(taskKeys);
    for (const line of lines) expect(line.join('  ').length).toBeLessThanOrEqual(80);
  });

  it('drops from the second line only what two lines cannot hold', () => {
    const lines = footerLines(taskKeys, 40);
    expect(lines).toHaveLength(2);
    expect(lines[0]?.slice(0, 3)).toEqual(['r recheck', 'h hint', 'e edit']);
    expect(lines[1]?.slice(-2)).toEqual(['? help', 'q quit']);
  });
});
