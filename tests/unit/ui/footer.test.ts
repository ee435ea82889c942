import { describe, expect, it } from 'vitest';
import { fitFooter } from '../../../src/ui/components/Footer.js';

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
