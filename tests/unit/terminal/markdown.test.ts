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
