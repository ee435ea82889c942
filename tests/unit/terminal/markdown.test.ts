import { describe, expect, it } from 'vitest';
import { loadCourse } from '../../../src/lessons/load.js';
import { renderMarkdown } from '../../../src/terminal/markdown.js';
import { stripAnsi, textWidth } from '../../../src/terminal/text.js';

describe('renderMarkdown', () => {
  it('renders emphasis and lists as text, never the Markdown marks', () => {
    const rows = renderMarkdown(
      '- **Shape:** grad is (d,), for a *wrong* example too.\n- `w` and grad agree.',
      80,
      false,
    );
    const text = rows.join('\n');
    expect(text).toContain('Shape: grad is (d,), for a wrong example too.');
    expect(text).not.toMatch(/\*\*|\*wrong\*|`w`/);
    expect(rows[0]).toMatch(/^ {2}• Shape:/);
  });

  it('without colour has no ANSI code, whatever the chalk of marked-terminal would draw', () => {
    const plain = renderMarkdown('**bold**, `code` and # plain', 40, false).join('\n');
    expect(plain).toBe(stripAnsi(plain));
    expect(plain).toContain('bold, code and # plain');
    // With colour, only styles are added: the same text.
    const coloured = renderMarkdown('**bold**, `code` and # plain', 40, true).join('\n');
    expect(stripAnsi(coloured)).toBe(plain);
  });

  it('keeps every row of every model answer within the width', () => {
    for (const task of loadCourse().tasks)
      for (const question of task.questions)
        for (const width of [40, 76]) {
          const rows = renderMarkdown(question.modelAnswer, width, false);
          expect(rows.length).toBeGreaterThan(0);
          for (const row of rows) expect(textWidth(row), row).toBeLessThanOrEqual(width);
          expect(rows.join('\n')).not.toMatch(/\*\*/);
        }
  });
});

describe('renderMarkdown: inline code', () => {
  const lossAndGrad = loadCourse().tasks.find((task) => task.id === 'loss-and-grad');

  // The lesson pane is the terminal less two columns: 80×24 and 120×40 give 78 and 118.
  it.each([78, 118, 100])(
    'keeps each import of the loss-and-grad lesson on one row at %i columns',
    (width) => {
      if (!lossAndGrad) throw new Error('The course has a loss-and-grad task');
      const rows = renderMarkdown(lossAndGrad.text, width, false);
      const text = rows.join('\n');
      expect(text).toContain("import { sigmoid } from './01-sigmoid'");
      expect(text).toContain("import { bceLoss } from './02-bce-loss'");
      expect(text).not.toContain('\u00A0');
    },
  );

  it('breaks a code span only when it is wider than a row', () => {
    const rows = renderMarkdown(
      'Call `a b c d e f g h i j k l m n o p q r s t u v w x y z` here.',
      20,
      false,
    );
    for (const row of rows) expect(textWidth(row)).toBeLessThanOrEqual(20);
    expect(rows.join(' ').replace(/\s+/g, ' ')).toContain(
      'a b c d e f g h i j k l m n o p q r s t u v w x y z',
    );
  });

  it('moves a short code span whole to the next row', () => {
    const rows = renderMarkdown('Some words first, then `f(x, y)` and more.', 28, false);
    expect(rows.some((row) => row.includes('f(x, y)'))).toBe(true);
  });
});
