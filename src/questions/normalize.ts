// Turns free text (an answer, a prompt, a key-idea term) into one canonical token list, so that
// `σ′ = σ(1−σ)`, `sigma' = sigma(1-sigma)` and `\sigma'=\sigma(1-\sigma)` all read the same.

/** LaTeX commands students type, mapped to the Unicode the next step folds. */
const latex: ReadonlyArray<readonly [RegExp, string]> = [
  [/\^\s*\{?\s*\\(?:top|intercal)\s*\}?/g, 'ᵀ'],
  [/\\(?:left|right|mathrm|text|operatorname)\b/g, ' '],
  [/\\mathbb\s*\{?\s*R\s*\}?/g, 'ℝ'],
  [/\\(?:top|intercal)\b/g, 'ᵀ'],
  [/\\partial\b/g, '∂'],
  [/\\(?:varepsilon|epsilon)\b/g, 'ε'],
  [/\\(?:geq|ge|succeq)\b/g, '≥'],
  [/\\(?:leq|le|preceq)\b/g, '≤'],
  [/\\(?:rightarrow|to|longrightarrow)\b/g, '→'],
  [/\\(?:Rightarrow|implies)\b/g, '⇒'],
  [/\\(?:cdot|odot|times|circ)\b/g, ' · '],
  [/\\(?:\||lVert|rVert|Vert)/g, '|'],
  [/\\[,;:! ]/g, ' '],
  [/\\([a-zA-Z]+)/g, ' $1 '],
];

/** One character to its reading; superscripts and subscripts are handled separately. */
const symbols: Readonly<Record<string, string>> = {
  σ: ' sigma ',
  ς: ' sigma ',
  Σ: ' sum ',
  '∑': ' sum ',
  '∇': ' grad ',
  '∂': ' d ',
  ε: ' epsilon ',
  ϵ: ' epsilon ',
  α: ' alpha ',
  β: ' beta ',
  γ: ' gamma ',
  δ: ' delta ',
  Δ: ' delta ',
  η: ' eta ',
  θ: ' theta ',
  λ: ' lambda ',
  μ: ' mu ',
  π: ' pi ',
  ρ: ' rho ',
  τ: ' tau ',
  φ: ' phi ',
  '∞': ' infinity ',
  '≥': ' >= ',
  '⩾': ' >= ',
  '⪰': ' >= ',
  '≽': ' >= ',
  '≤': ' <= ',
  '⩽': ' <= ',
  '⪯': ' <= ',
  '≠': ' != ',
  '≈': ' ~ ',
  '∼': ' ~ ',
  '≃': ' ~ ',
  '→': ' -> ',
  '⟶': ' -> ',
  '↦': ' -> ',
  '⇒': ' => ',
  '⟹': ' => ',
  '⇔': ' <=> ',
  '⟺': ' <=> ',
  '≪': ' << ',
  '≫': ' >> ',
  '−': '-',
  '–': '-',
  '—': ' - ',
  '‐': '-',
  '±': ' +- ',
  '×': ' x ',
  '·': ' ',
  '⋅': ' ',
  '∙': ' ',
  '•': ' ',
  '⊙': ' ',
  '∘': ' ',
  '*': ' ',
  '@': ' ',
  '∈': ' in ',
  '∀': ' for all ',
  '∃': ' exists ',
  '∝': ' proportional to ',
  '√': ' sqrt ',
  '∫': ' integral ',
  '‖': '|',
  '∣': '|',
  ℝ: ' r ',
  '⊤': ' transpose ',
  ᵀ: ' transpose ',
  '½': ' 1/2 ',
  '⅓': ' 1/3 ',
  '¼': ' 1/4 ',
  '⅙': ' 1/6 ',
  '⁄': '/',
  '÷': '/',
  '’': "'",
  '‘': "'",
  '′': "'",
  '″': "''",
  '‴': "'''",
  '“': '"',
  '”': '"',
  '…': ' ',
};

const symbolPattern = new RegExp(
  `[${Object.keys(symbols)
    .map((char) => char.replace(/[\\\]^-]/g, '\\$&'))
    .join('')}]`,
  'gu',
);

const superscripts: Readonly<Record<string, string>> = {
  '⁰': '0',
  '¹': '1',
  '²': '2',
  '³': '3',
  '⁴': '4',
  '⁵': '5',
  '⁶': '6',
  '⁷': '7',
  '⁸': '8',
  '⁹': '9',
  '⁻': '-',
  '⁺': '+',
  ⁿ: 'n',
  ᵈ: 'd',
  ⁱ: 'i',
  ᵏ: 'k',
  ᵗ: 't',
};

/** Subscripts are dropped: `xᵢ` and `x` are the same thing for matching purposes. */
const subscripts = /[₀-₉ᵢⱼₖₙₘₓₜ]/g;

/** Whole tokens to a canonical spelling. */
const tokenFolds: Readonly<Record<string, string>> = {
  // The prediction, however it is written, is the p of the lessons.
  yhat: 'p',
  phat: 'p',
  ypred: 'p',
  // Contractions typed without their apostrophe.
  dont: 'not',
  doesnt: 'not',
  didnt: 'not',
  isnt: 'not',
  arent: 'not',
  wasnt: 'not',
  cant: 'cannot',
  wont: 'not',
  shouldnt: 'not',
  wouldnt: 'not',
  couldnt: 'not',
  eps: 'epsilon',
  varepsilon: 'epsilon',
  inf: 'infinity',
  infty: 'infinity',
  nabla: 'grad',
  // In this lab σ is the sigmoid, so the two spellings are one notion.
  sigmoid: 'sigma',
  zero: '0',
  zeros: '0',
  zeroes: '0',
};

/** British spellings of the lab's verbs and nouns: `-is-` to `-iz-` (regularisation, minimise). */
const britishIse =
  /^(regular|minim|maxim|optim|normal|vector|initial|general|stabil|penal|linear|parameter|summar|central)is(e|es|ed|ing|ation|ations|er|ers)$/;

/** Typos students make in the lab's words, to the word (edit-distance typos are caught later). */
const typos: Readonly<Record<string, string>> = {
  sigmod: 'sigma',
  sigmiod: 'sigma',
  sigmoidal: 'sigma',
  behaviour: 'behavior',
  centre: 'center',
};

/** A word in its canonical spelling: folds, British `-ise`, known typos. */
function foldToken(raw: string): string {
  const folded = tokenFolds[raw] ?? typos[raw];
  if (folded !== undefined) return folded;
  const british = britishIse.exec(raw);
  return british ? `${british[1]}iz${british[2]}` : raw;
}

/** Tokens after which an apostrophe is a prime (σ′, f'), not a quote or a possessive. */
const primeable = new Set([
  'sigma',
  'f',
  'g',
  'l',
  'h',
  'p',
  'y',
  'z',
  'w',
  'x',
  ')',
  ']',
  'prime',
]);

const tokenPattern =
  /\d+(?:\.\d+)?(?:e[-+]?\d+)?|[a-z]+|->|=>|<=>|<=|>=|!=|<<|>>|\+-|'|[()[\]+\-/^=<>~|]|[.?!;]+(?=\s|$)|[,:](?=\s|$)|\n/g;

/** The token `tokenizeWithBreaks` puts where a sentence or a line ends. */
export const sentenceBreak = '.';
/** The token `tokenizeWithBreaks` puts where a question ends (a sentence break too). */
export const questionBreak = '?';
/** The token `tokenizeWithBreaks` puts at a comma or colon outside brackets (a clause edge). */
export const clauseBreak = ',';

/** True for the marks `tokenizeWithBreaks` adds (sentence, question and clause breaks). */
export function isBreak(token: string): boolean {
  return token === sentenceBreak || token === questionBreak || token === clauseBreak;
}

/** Lowercase canonical tokens of `text`: words, numbers and math symbols. Deterministic. */
export function tokenize(text: string): string[] {
  return tokenizeWithBreaks(text).filter((token) => !isBreak(token));
}

// Lowercase words and whole numbers, single spaces between: every rewrite below leaves such
// text as it is, and each word is one token.
const plainWords = /^(?:[a-z]+|\d+)(?: (?:[a-z]+|\d+))*$/;

/**
 * `tokenize`, keeping a `sentenceBreak` token where a sentence or a line ends (`questionBreak`
 * after a question mark) and a `clauseBreak` at a comma or colon outside brackets.
 */
export function tokenizeWithBreaks(text: string): string[] {
  // Most key-idea terms are plain words, and the lessons compile hundreds of them at each start.
  if (plainWords.test(text)) return foldWords(text.split(' '));
  let s = text.replace(/\\[dt]?frac\s*\{([^{}]*)\}\s*\{([^{}]*)\}/g, (_match, top, bottom) => {
    const wrap = (part: string) => (/^\s*[\w.]+\s*$/.test(part) ? part.trim() : `(${part})`);
    return `${wrap(top)}/${wrap(bottom)}`;
  });
  // Hatted predictions (ŷ, p̂, \hat{y}, y_hat) and h(x) are the lessons' p; before accents go.
  s = s
    .replace(/\\hat\s*\{?\s*([yp])\s*\}?/g, ' p ')
    .replace(/[yp]\u0302|ŷ/g, ' p ')
    .replace(/\b[yp]_(?:hat|pred)\b/g, ' p ')
    .replace(/\bh(?:_?\\?theta|_w)?\s*\(\s*x\s*\)/g, ' p ')
    .replace(/(?<=[\w)\]])\*\*(?=[\w(.-])/g, '^');
  for (const [pattern, replacement] of latex) s = s.replace(pattern, replacement);
  s = s.replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺ⁿᵈⁱᵏᵗ]+/g, (run) => {
    const mapped = [...run].map((char) => superscripts[char] ?? '').join('');
    return `^${mapped} `;
  });
  s = s.replace(subscripts, '');
  // ASCII subscripts too (x_i, p_{ij}), but not identifiers like with_logits.
  s = s.replace(/([A-Za-z)])_\{?[A-Za-z0-9]{1,3}\}?(?![A-Za-z0-9])/g, '$1');
  s = s.replace(symbolPattern, (char) => symbols[char] ?? char);
  // Compatibility forms (fullwidth, ligatures) to plain letters, and accents dropped.
  s = s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  // Word forms whose punctuation would otherwise split or fold them wrongly.
  s = s
    .replace(/\bw\.r\.t\.?/g, ' wrt ')
    .replace(/\b(?:e\.g|i\.e|etc)\./g, ' ')
    .replace(/\bcan['’]t\b/g, 'cannot')
    .replace(/\bwon['’]t\b/g, 'will not')
    .replace(/n['’]t\b/g, ' not')
    .replace(/\b([a-z]{2,})['’](?:s|re|ll|ve|d|m)\b/g, '$1');
  // Transpose: Xᵀ (already a word), X^T, X^{T}, X^top, X.T, X.t, X'ᵀ.
  s = s
    .replace(/\^\s*\{?\s*(?:t|top)\s*\}?(?![a-z0-9])/g, ' transpose ')
    .replace(/([a-z0-9)\]])\.t(?![a-z0-9])/g, '$1 transpose ');
  // A hyphen between two words is a word joiner (log-loss, non-negative), not a minus (p-y, 1-p).
  s = s.replace(/([a-z]{2,})-(?=[a-z]{2,})/g, '$1 ');
  s = s.replace(/[{}]/g, ' ');

  const tokens: string[] = [];
  let depth = 0;
  for (const match of s.matchAll(tokenPattern)) {
    const raw = match[0];
    // Whole runs only: `!=` (and `≠`, read as it) is a relation, not an exclamation mark.
    if (/^(?:[.?!;]+|\n)$/.test(raw)) {
      const last = tokens.length - 1;
      if (tokens[last] === clauseBreak) tokens.pop();
      const before = tokens[tokens.length - 1];
      const mark = raw.includes('?') ? questionBreak : sentenceBreak;
      if (before === sentenceBreak && mark === questionBreak) tokens[tokens.length - 1] = mark;
      else if (before !== undefined && !isBreak(before)) tokens.push(mark);
      depth = 0;
      continue;
    }
    if (raw === ',' || raw === ':') {
      const before = tokens[tokens.length - 1];
      if (depth === 0 && before !== undefined && !isBreak(before)) tokens.push(clauseBreak);
      continue;
    }
    if (raw === '(' || raw === '[') depth++;
    else if ((raw === ')' || raw === ']') && depth > 0) depth--;
    // `||w||` typed in ASCII is the norm `‖w‖`, which reads as `|w|`.
    if (raw === '|' && tokens[tokens.length - 1] === '|') continue;
    if (raw === "'") {
      const before = tokens[tokens.length - 1];
      if (before !== undefined && primeable.has(before)) tokens.push('prime');
      continue;
    }
    const folded = foldToken(raw);
    if (folded !== '') tokens.push(folded);
  }
  if (tokens[tokens.length - 1] === clauseBreak) tokens.pop();
  return foldPhrases(tokens);
}

/** Plain words in their canonical spelling, as the loop above would give them. */
function foldWords(words: readonly string[]): string[] {
  const tokens: string[] = [];
  for (const word of words) {
    const folded = foldToken(word);
    if (folded !== '') tokens.push(folded);
  }
  return foldPhrases(tokens);
}

/** Multi-word spellings of one notion, folded to one token. */
function foldPhrases(tokens: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const [a, b, c] = [tokens[i], tokens[i + 1], tokens[i + 2]];
    if (a === 'positive' && b === 'semidefinite') {
      out.push('psd');
      i += 1;
    } else if (a === 'positive' && b === 'semi' && c === 'definite') {
      out.push('psd');
      i += 2;
    } else if (a !== undefined) {
      out.push(a);
    }
  }
  return out;
}

/** The canonical form of `text`: its tokens joined by single spaces. */
export function normalizeText(text: string): string {
  return tokenize(text).join(' ');
}
