// The quick and remembering versions of the packages the build gives Ink (esbuild.config.js)
// must answer exactly as the packages do.
import * as tokenizer from '@alcalzone/ansi-tokenize';
import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import * as remembered from '../../../src/ui/ansi-tokenize.js';
import width, { isOneColumnText } from '../../../src/ui/string-width.js';
import widestLine from '../../../src/ui/widest-line.js';

const lines = [
  '',
  'plain ascii',
  ' σ(z) = 1 / (1 + e^(−z)) · ∇ℓ(w) = Xᵀ(σ(Xw) − y) / n',
  '\u001B[32m\u001B[1mThe numerical trap\u001B[22m\u001B[39m and \u001B[33mcode\u001B[39m',
  '─'.repeat(118),
  '✓ shape\n✗ no NaN: σ(−700) came back as 0\n  wide: 漢字 and 🙂',
];

/** Every character string-width.js measures by itself, without asking string-width. */
function quickCharacters(): string[] {
  const characters: string[] = [];
  for (let code = 0; code <= 0xffff; code++) {
    const character = String.fromCharCode(code);
    if (isOneColumnText(character)) characters.push(character);
  }
  return characters;
}

describe('string-width, quick', () => {
  const characters = quickCharacters();

  it('answers by itself for the characters of the lessons and screens (σ, ∇, ·, ─, ✓, …)', () => {
    for (const character of ['σ', '∇', '·', '─', '✓', '✗', '…', '›', '≡', '○', '→', 'ᵀ', '½'])
      expect(characters).toContain(character);
  });

  it('gives each quick character one column, as string-width does', () => {
    expect(characters.length).toBeGreaterThan(3000);
    for (const character of characters) expect(stringWidth(character)).toBe(1);
  });

  it('measures any text as string-width does, colours included', () => {
    const pool = [...characters, 'a', ' ', '漢', '🙂', '\u0301', '\u200D', '\uFE0F', '\t'];
    const piece = fc.oneof(
      fc.constantFrom(...pool),
      fc.constantFrom(
        '\u001B[32m',
        '\u001B[1m',
        '\u001B[22m',
        '\u001B[39m',
        '\u001B[0m',
        '\u001B[38;5;208m',
      ),
      fc.string({ unit: 'grapheme' }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        expect(width(text)).toBe(stringWidth(text));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('widest-line, remembered', () => {
  it('measures as string-width does, the first time and again', () => {
    for (const text of lines) {
      const expected = Math.max(...text.split('\n').map((line) => stringWidth(line)));
      expect(widestLine(text)).toBe(expected);
      expect(widestLine(text)).toBe(expected);
    }
  });

  it('still measures right after forgetting (more lines than it keeps)', () => {
    for (let index = 0; index < 5000; index++) widestLine(`row ${index}`);
    expect(widestLine('row 4999 and σ')).toBe(14);
    expect(widestLine(lines[2] ?? '')).toBe(stringWidth(lines[2] ?? ''));
  });
});

describe('ansi-tokenize, remembered', () => {
  it('gives the tokens and styled characters the package gives', () => {
    for (const line of lines) {
      const tokens = remembered.tokenize(line);
      expect(tokens).toEqual(tokenizer.tokenize(line));
      expect(remembered.styledCharsFromTokens(tokens)).toEqual(
        tokenizer.styledCharsFromTokens(tokenizer.tokenize(line)),
      );
      expect(remembered.styledCharsToString(remembered.styledCharsFromTokens(tokens))).toBe(
        tokenizer.styledCharsToString(tokenizer.styledCharsFromTokens(tokenizer.tokenize(line))),
      );
    }
  });

  it('remembers a line: the same line gives the same objects', () => {
    const line = lines[3] ?? '';
    const tokens = remembered.tokenize(line);
    expect(remembered.tokenize(line)).toBe(tokens);
    expect(remembered.styledCharsFromTokens(tokens)).toBe(
      remembered.styledCharsFromTokens(remembered.tokenize(line)),
    );
  });

  it('still has a line drawn a frame ago after a frame of 300 new lines', () => {
    const line = `${lines[3] ?? ''} kept`;
    const tokens = remembered.tokenize(line);
    for (let index = 0; index < 300; index++) remembered.tokenize(`another line ${index}`);
    expect(remembered.tokenize(line)).toBe(tokens);
  });

  it('keeps at most 512 lines, however many it draws', () => {
    for (let index = 0; index < 5000; index++) remembered.tokenize(`line number ${index}`);
    expect(remembered.rememberedLineCount()).toBeGreaterThan(0);
    expect(remembered.rememberedLineCount()).toBeLessThanOrEqual(512);
  });

  it('joins styled characters into the text the package gives, for any styles', () => {
    const code = fc.constantFrom(
      '\u001B[32m',
      '\u001B[1m',
      '\u001B[2m',
      '\u001B[22m',
      '\u001B[39m',
      '\u001B[0m',
      '\u001B[4m',
      '\u001B[24m',
      '\u001B[38;5;208m',
      '\u001B[48;5;17m',
      '\u001B[49m',
    );
    const piece = fc.oneof(code, fc.constantFrom('a', ' ', 'σ', '漢'));
    // Cells as Ink's grid holds them: pieces of lines, each cell styled on its own.
    const cells = fc
      .array(fc.array(piece, { maxLength: 12 }), { maxLength: 8 })
      .map((lines) =>
        lines.flatMap((line) => tokenizer.styledCharsFromTokens(tokenizer.tokenize(line.join('')))),
      );
    fc.assert(
      fc.property(cells, (chars) => {
        expect(remembered.styledCharsToString(chars)).toBe(tokenizer.styledCharsToString(chars));
      }),
      { numRuns: 2000 },
    );
  });

  it('passes a cut line (endChar) through', () => {
    const line = lines[2] ?? '';
    expect(remembered.tokenize(line, 5)).toEqual(tokenizer.tokenize(line, 5));
    expect(remembered.tokenize(line, 5)).not.toBe(remembered.tokenize(line, 5));
  });
});
