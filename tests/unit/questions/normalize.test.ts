// The canonical form answers and key-idea terms are compared in: one spelling per notion.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeText, tokenizeWithBreaks } from '../../../src/questions/normalize.js';

describe('tokenizeWithBreaks', () => {
  it('gives plain words (its shortcut) the tokens the full rewrite gives them', () => {
    // Words that fold, join into phrases, or look like math, among random ones.
    const word = fc.oneof(
      fc.constantFrom('sigmoid', 'eps', 'zero', 'positive', 'semi', 'definite', 'semidefinite'),
      fc.constantFrom('t', 'top', 'frac', 'wrt', 'e', 'inf', 'nabla', 'x', 'prime'),
      fc.stringMatching(/^[a-z]{1,8}$/),
      fc.stringMatching(/^\d{1,4}$/),
    );
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 6 }), (words) => {
        const text = words.join(' ');
        // A trailing space leaves the shortcut; the tokens cannot depend on it.
        expect(tokenizeWithBreaks(text)).toEqual(tokenizeWithBreaks(`${text} `));
      }),
      { seed: 11 },
    );
  });
});

describe('tokenizeWithBreaks marks', () => {
  it('marks sentence ends, questions, and commas or colons outside brackets as clause edges', () => {
    expect(tokenizeWithBreaks('It flattens, so: max(z, 0) grows. Does it? Yes').join(' ')).toBe(
      'it flattens , so , max ( z 0 ) grows . does it ? yes',
    );
  });

  it('reads an ASCII norm ||w|| as the norm ‖w‖', () => {
    expect(normalizeText('λ||w||² and λ‖w‖²')).toBe('lambda | w | ^ 2 and lambda | w | ^ 2');
  });

  it('reads ≠ and != as a relation inside the sentence, not as its end', () => {
    expect(tokenizeWithBreaks('∇L ≠ 0 at every w, so p != y. Done').join(' ')).toBe(
      'grad l != 0 at every w , so p != y . done',
    );
  });
});

describe('normalizeText', () => {
  it.each([
    // Unicode, ASCII and LaTeX spellings of the same math
    ['σ′ = σ(1−σ)', 'sigma prime = sigma ( 1 - sigma )'],
    ["sigma' = sigma(1-sigma)", 'sigma prime = sigma ( 1 - sigma )'],
    ["\\sigma'(z)", 'sigma prime ( z )'],
    ["sigmoid'(z)", 'sigma prime ( z )'],
    ['∇L = Xᵀ(p − y)/n', 'grad l = x transpose ( p - y ) / n'],
    ['grad = X.T @ (p - y) / n', 'grad = x transpose ( p - y ) / n'],
    ['X^T(p-y)/n', 'x transpose ( p - y ) / n'],
    ['\\nabla L = X^{\\top}(p - y)\\frac{1}{n}', 'grad l = x transpose ( p - y ) 1 / n'],
    ['O(ε²)', 'o ( epsilon ^ 2 )'],
    ['O(eps^2)', 'o ( epsilon ^ 2 )'],
    ['10⁻¹⁶', '10 ^ - 16'],
    ['1e−16', '1e-16'],
    ['vᵀHv ≥ 0', 'v transpose hv >= 0'],
    ['v^T H v >= 0', 'v transpose h v >= 0'],
    ['H ⪰ 0', 'h >= 0'],
    ['w ∈ ℝᵈ', 'w in r ^ d'],
    ['‖w‖ → ∞', '| w | -> infinity'],
    ['y ∈ {0, 1}', 'y in 0 1'],
    ['−1/+1', '- 1 / + 1'],
    ['pᵢ(1 − pᵢ)', 'p ( 1 - p )'],
    ['p_i(1 - p_{i})', 'p ( 1 - p )'],
    ['½ε²f‴', '1 / 2 epsilon ^ 2 f prime prime prime'],
    // words
    ['Non-negative, log-loss, positive semi-definite', 'non negative log loss psd'],
    ['positive semidefinite', 'psd'],
    ["doesn't, can't, won't", 'does not cannot will not'],
    ["the student's answer", 'the student answer'],
    ['zero', '0'],
    ['eps and inf', 'epsilon and infinity'],
    ['**Bold** and `code` and # heading', 'bold and code and heading'],
    ['Café naïve', 'cafe naive'],
    ['binary_cross_entropy_with_logits', 'binary cross entropy with logits'],
    // the prediction, however it is written, is p
    ['ŷ − y', 'p - y'],
    ['y\u0302(1 − y\u0302)', 'p ( 1 - p )'],
    ['p̂ − y', 'p - y'],
    ['yhat - y, y_hat - y, y_pred', 'p - y p - y p'],
    ['\\hat{y} - y', 'p - y'],
    ['h(x) - y', 'p - y'],
    // powers, British spellings, contractions typed without apostrophe, a known typo
    ['eps**2 and **bold**', 'epsilon ^ 2 and bold'],
    ['regularisation, minimise, optimised', 'regularization minimize optimized'],
    ['dont, doesnt, cant', 'not not cannot'],
    ['sigmod', 'sigma'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });
});
