// Answers whose words mimic a key idea while the claim is wrong (a sign slip, the opposite
// consequence, the wrong shape), and correct wordings that used to go uncredited: each row is
// exactly what the judge credits. They are also in the labelled sets; here a single row fails.
import { describe, expect, it } from 'vitest';
import { loadCourse } from '../../../src/lessons/load.js';
import { judgeAnswer } from '../../../src/questions/judge.js';

const questions = loadCourse().tasks.flatMap((task) => task.questions);

function credited(questionId: string, text: string): string[] {
  const question = questions.find((candidate) => candidate.id === questionId);
  if (!question) throw new Error(`no question ${questionId}`);
  const judgement = judgeAnswer(question, text, { questions, otherAnswers: [] });
  expect(judgement.accepted).toBe(true);
  return judgement.ideas.filter((idea) => idea.matched).map((idea) => idea.id);
}

type Row = readonly [question: string, text: string, ideas: readonly string[]];

/** A consequence that is not stalling earns no learning-stalls; a derivative that blows up, nothing. */
const saturation: readonly Row[] = [
  [
    'sigmoid-saturation',
    'For large |z| the derivative of the sigmoid is tiny, so gradient descent overshoots the minimum.',
    ['derivative-vanishes'],
  ],
  [
    'sigmoid-saturation',
    'The sigmoid saturates near 0 and 1. The gradient is small, so we need a bigger learning rate, and then training is fast again.',
    [],
  ],
  [
    'sigmoid-saturation',
    'σ(z) saturates because its derivative σ(z)(1−σ(z)) is at most 1/4, so the gradients are always small and learning is slow everywhere, not just in the tails.',
    [],
  ],
  [
    'sigmoid-saturation',
    'e^(-z) explodes for large z, so sigma goes to 0 there, and the derivative blows up.',
    [],
  ],
  [
    'sigmoid-saturation',
    'For very negative z sigma goes to 0, and then its derivative gets really big, so training becomes unstable.',
    [],
  ],
  [
    'sigmoid-saturation',
    'The sigmoid is steepest at z = 0 with slope 1/4 and gets flatter as |z| grows, so its derivative goes to zero.',
    ['flattens', 'derivative-vanishes'],
  ],
  [
    'sigmoid-saturation',
    'Saturation means the output is exactly 0 or 1 for large |z|, so the gradient is exactly zero and the weights never change again.',
    ['flattens', 'learning-stalls'],
  ],
];

/** A slipped sign, a p(1 − p) kept as a factor or a 1/n put elsewhere earns nothing. */
const derivation: readonly Row[] = [
  [
    'gradient-derivation',
    'dℓ/dp = −y/p − (1−y)/(1−p), and dp/dz = p(1−p), so dℓ/dz = −y(1−p) − (1−y)p.',
    ['sigma-prime'],
  ],
  ['gradient-derivation', '∂ℓ/∂p = −y/p − (1 − y)/(1 − p), then multiply by σ′(z).', []],
  [
    'gradient-derivation',
    'After the chain rule, dℓ/dz = p(1−p)(p−y), so the gradient vanishes when p saturates. Then multiply by x and average over n.',
    ['mean'],
  ],
  [
    'gradient-derivation',
    'The 1/n comes from the learning rate, not from the loss. By the chain rule the derivative with respect to z is p − y, and multiplying by x gives the gradient.',
    ['cancels'],
  ],
  [
    'gradient-derivation',
    'The gradient has shape (n,) since there is one residual per example: ∇L = (p − y)/n, the mean of the residuals.',
    [],
  ],
  [
    'gradient-derivation',
    'The gradient is Xᵀ(p − y)/n because the derivative of the log cancels with the derivative of the exponential in the sigmoid.',
    ['chain-to-x', 'mean'],
  ],
  [
    'gradient-derivation',
    'The gradient is Xᵀ(p − y)/n, the same as for linear regression with squared error, so you can reuse the linear regression derivation.',
    [],
  ],
  [
    'gradient-derivation',
    'dℓ/dp = −y/p + (1−y)/(1−p). dp/dz = p(1−p). Multiplying gives p − y, and dz/dw = x, so the gradient is X(p − y)/n.',
    ['sigma-prime', 'dloss-dp', 'cancels', 'chain-to-x', 'mean'],
  ],
  [
    'gradient-derivation',
    'By the quotient rule dσ/dz = σ²·e^{−z}, which equals σ(1−σ). Then dℓ/dσ = −y/σ + (1 − y)/(1 − σ).',
    ['sigma-prime', 'dloss-dp'],
  ],
  [
    'gradient-derivation',
    'With y as weights dℓ/dz = σ − y. The gradient is the sum of (σ − y)x over the data.',
    ['cancels', 'chain-to-x'],
  ],
];

/** A product concluded to be (n,), d×d or "in sample space" is not the shape of w. */
const shape: readonly Row[] = [
  ['grad-shape', 'The gradient is d×d, the same as the Hessian.', []],
  ['grad-shape', 'X is (n, d), X.T is (d, n), p − y is (n,), so X.T @ (p − y) is (n,).', []],
  [
    'grad-shape',
    'p − y has n entries and X is n×d, so grad = X.T @ (p − y) has n entries, one per example.',
    [],
  ],
  ['grad-shape', '(d,), because the gradient lives in sample space, one entry per example.', []],
  [
    'grad-shape',
    'Each example gives a gradient of shape (d,), so stacked they are (n, d), and averaging over the rows gives (d,).',
    ['same-as-w'],
  ],
];

/** A clip that leaves the top at 1, a stable sigmoid, log1p of p: none is a stable loss. */
const stable: readonly Row[] = [
  [
    'stable-log-loss',
    'We clip p because the log of a negative number is undefined, so clip p to [1e-12, 1] before taking the log.',
    [],
  ],
  [
    'stable-log-loss',
    'Clip p to [eps, 1 − eps] with eps = 1e-300; that is the most accurate choice since it barely changes the loss.',
    [],
  ],
  [
    'stable-log-loss',
    'The stable form uses the log-sum-exp trick: for z > 0 write log(1 + e^z) as z + log(1 + e^z), so the big part is taken out.',
    [],
  ],
  [
    'stable-log-loss',
    'Compute the sigmoid the stable way: if z >= 0 use 1/(1+exp(-z)), else exp(z)/(1+exp(z)). Then take the log of that, which is now safe.',
    [],
  ],
  [
    'stable-log-loss',
    'Use log1p for accuracy: loss = -y*log1p(p - 1) - (1 - y)*log1p(-p). log1p is the numerically stable log.',
    [],
  ],
  [
    'stable-log-loss',
    'BCEWithLogitsLoss takes the logits directly, so it never has to compute the sigmoid first, which is what makes it stable.',
    ['from-logits'],
  ],
  [
    'stable-log-loss',
    'Write the loss as y·softplus(−z) + (1 − y)·softplus(z), all in terms of the logit z.',
    ['from-logits'],
  ],
];

/** Swapped error orders, a relative error divided, XᵀX cached or H sparse: nothing of the ideas. */
const costs: readonly Row[] = [
  [
    'eps-too-small',
    'With eps too small, the round-off error grows like eps² while the truncation error grows like 1/eps.',
    [],
  ],
  [
    'eps-too-small',
    'When eps shrinks the round-off error shrinks too, like eps², so the only problem is the truncation error that grows like 1/eps.',
    [],
  ],
  [
    'eps-too-small',
    'The gradient check compares a relative error, and with a tiny eps that relative error gets divided by a small number, so it becomes large.',
    [],
  ],
  [
    'eps-too-small',
    'Floating point has about 16 digits, so with eps = 1e-12 you only keep 4 digits of the difference, and then you divide by 2e-12.',
    ['round-off'],
  ],
  [
    'hvp-without-h',
    'Compute XᵀX once and cache it; then each H·v is just a d×d matrix-vector product.',
    [],
  ],
  ['hvp-without-h', 'Forming H needs O(n²) memory because S is an n×n diagonal matrix.', []],
  ['hvp-without-h', 'Because H is sparse, we can store just its diagonal.', []],
  [
    'hvp-without-h',
    'Computing Xᵀ(s ⊙ Xv) costs O(nd) because it is only matrix-vector products, while forming H costs O(nd²) and d² memory.',
    ['size-of-h', 'right-to-left', 'cost-nd'],
  ],
];

/** Terse but complete, and correct wordings that used to earn nothing. */
const newton: readonly Row[] = [
  [
    'newton-few-steps',
    'Quadratic convergence, digits double. Cost: O(d^3) per step.',
    ['quadratic-convergence', 'cost-per-step'],
  ],
  [
    'newton-few-steps',
    'Newton uses second derivatives so it takes bigger steps; it is not always used because the Hessian might not be invertible.',
    ['fragile'],
  ],
  [
    'separable-weights',
    'Since all points are on the correct side, any bigger multiple of w also separates them and has lower loss, so there is no finite best w.',
    ['scaling-lowers-loss', 'never-attained'],
  ],
  [
    'psd-convexity',
    "PSD means the function is bowl-shaped everywhere: the curvature can't be negative in any direction at any point.",
    ['curvature', 'everywhere'],
  ],
  [
    'psd-convexity',
    'The eigenvalues of H are the curvatures along the eigenvectors; if they are all ≥ 0 no direction curves down.',
    ['curvature'],
  ],
  [
    'separable-weights',
    'The loss approaches zero as w grows but never reaches it, so the optimum is at infinity.',
    ['scaling-lowers-loss', 'never-attained'],
  ],
  [
    'labels-zero-one',
    'You can use −1/+1 if you convert with (y+1)/2 first; otherwise the y·log p term gets the wrong sign.',
    ['margin-form', 'minus-one-breaks'],
  ],
  [
    'labels-zero-one',
    'With y = −1 the residual p − y is always positive and the gradient keeps pushing p towards −1, which σ can never reach.',
    ['minus-one-breaks'],
  ],
  [
    'labels-zero-one',
    'y has to be 0/1 because with −1 the loss becomes negative infinity straight away and you get NaN.',
    [],
  ],
  [
    'gradient-derivation',
    "σ'(z) = σ(z)(1 − σ(z)) = e^{−z}/(1+e^{−z})². And ∂ℓ/∂p = (p−y)/(p(1−p)).",
    ['sigma-prime', 'dloss-dp'],
  ],
  [
    'separable-weights',
    'The loss is convex but not strictly convex on separable data, so it has no minimum.',
    [],
  ],
  [
    'gradient-derivation',
    'dℓ/dp = −y/p + (1 − y)/(1 − p), and multiplying by p(1 − p) gives p − y.',
    ['dloss-dp', 'cancels'],
  ],
  [
    'grad-shape',
    'The gradient is not (n, d): Xᵀ (d×n) times p − y (n entries) gives d entries, so it is (d,), the same shape as w.',
    ['same-as-w', 'back-to-d'],
  ],
];

/** Wrong claims sat next to the right keyword (the fourth probe's false credits). */
const nextToTheKeyword: readonly Row[] = [
  [
    'eps-too-small',
    'Dividing by a tiny 2ε amplifies whatever error is in the numerator, roughly like 1e-16/ε.',
    ['amplified'],
  ],
  [
    'sigmoid-saturation',
    'Saturation happens only for large positive z, where σ goes to 1; for negative z the output just keeps going down linearly, so the gradient is fine there and training is unaffected.',
    [],
  ],
  [
    'stable-log-loss',
    'The stable form is to compute p = sigmoid(z) first and then take log(p + 1), since adding 1 keeps the argument away from zero and nothing can overflow.',
    [],
  ],
  [
    'stable-log-loss',
    'The naive form gives log 0 = -inf when p hits 0 or 1. The stable fix is to compute softplus as log(1 + exp(z)) directly, because exp never overflows in double precision.',
    ['naive-breaks'],
  ],
  [
    'gradient-derivation',
    'The derivative of the sigmoid is σ(z)(1+σ(z)), and the derivative of the log-loss with respect to p is y/p, so multiplying gives y(1+p), and summing over examples gives X(p - y) divided by n.',
    [],
  ],
  [
    'gradient-derivation',
    "Since log-loss is like squared error, ∂ℓ/∂p = 2(p − y), and σ' = 1 because σ is roughly linear, so ∂ℓ/∂w = 2(p − y)x, and the 2 is absorbed into the learning rate, giving Xᵀ(p − y)/n.",
    [],
  ],
  [
    'gradient-derivation',
    'You differentiate with respect to y, not w: ∂ℓ/∂y = log(1−p) − log p, then multiply by X and divide by n to get the gradient.',
    [],
  ],
  [
    'gradient-derivation',
    'dℓ/dp = −y/p + (1−y)/(1−p). Then dp/dz = p, so the chain rule gives (p−y)/(1−p), and finally multiply by x and average over n to get X^T(p−y)/n.',
    ['dloss-dp', 'mean'],
  ],
  ['grad-shape', '(n,): one gradient entry per training example, since p - y has n entries.', []],
  [
    'eps-too-small',
    'A too-small eps makes the truncation error grow, since the Taylor remainder is proportional to 1/eps², so the finite difference drifts away from the true derivative.',
    [],
  ],
  [
    'eps-too-small',
    'With tiny eps the step is too small to leave the local minimum, so the function values are identical and the central difference is biased by eps squared, which dominates.',
    [],
  ],
  [
    'hvp-without-h',
    'Computing (XᵀSX)v by first forming XᵀSX is actually cheaper, O(nd); the reason to avoid H is that inverting it is unstable.',
    [],
  ],
  [
    'hvp-without-h',
    'Multiply right to left: Xv, then scale by s, then Xᵀ — only mat-vecs. But each product still costs O(nd²), the same as forming H, the benefit is only memory.',
    ['right-to-left'],
  ],
  [
    'hvp-without-h',
    'Building H costs O(nd²) time and d² memory. The HVP avoids this by computing (XᵀX)v first and then multiplying by S, which costs O(d²).',
    ['size-of-h'],
  ],
  [
    'newton-few-steps',
    "Newton converges linearly like gradient descent but with a better constant; it isn't always used because the Hessian is always singular for logistic regression.",
    [],
  ],
  [
    'newton-few-steps',
    "It needs few steps because it uses the second derivative to find the maximum of the loss; it's not used more because computing the Hessian costs the same as a gradient but it's less accurate.",
    [],
  ],
  [
    'newton-few-steps',
    "Newton minimises the local quadratic model with H⁻¹ rescaling directions, converging quadratically. It's not always used because the Hessian only costs O(d) to store, but the method is always globally convergent so that's not the issue — it's just unfamiliar.",
    ['quadratic-model', 'quadratic-convergence'],
  ],
];

/** Terse correct notation that went uncredited (the fourth probe). */
const terseNotation: readonly Row[] = [
  [
    'hvp-without-h',
    'explicit H: O(nd^2) time, O(d^2) mem. HVP: X^T (s * (X v)) / n, right-to-left matvecs, O(nd) time, O(n+d) mem. So Newton-CG can use curvature for large d.',
    ['size-of-h', 'right-to-left', 'cost-nd'],
  ],
  [
    'gradient-derivation',
    "ℓ' wrt p: (p−y)/[p(1−p)]; σ' = σ(1−σ); product = p − y; times ∂z/∂w = x → (pᵢ−yᵢ)xᵢ; Σᵢ(pᵢ−yᵢ)xᵢ = Xᵀ(p−y); mean ⇒ /n.",
    ['sigma-prime', 'dloss-dp', 'cancels', 'chain-to-x', 'mean'],
  ],
  [
    'psd-convexity',
    'PSD means vᵀHv ≥ 0 for all v, i.e. non-negative curvature in all directions; if that holds at every w the function lies above its tangent lines, which is convexity.',
    ['curvature', 'everywhere', 'above-tangent'],
  ],
  [
    'separable-weights',
    'Separable ⇒ ∃w with correct-sign margins. c·w, c→∞: all σ(zᵢ) → labels, loss ↓ monotonically → 0 but never = 0 (σ ∈ (0,1)), so min not attained. ∇L = Xᵀ(p−y)/n ≠ 0 for finite w ⇒ GD never converges, ‖w‖ → ∞. Fix: L2 penalty / early stopping.',
    ['scaling-lowers-loss', 'never-attained', 'gradient-never-zero', 'regularise'],
  ],
  [
    'newton-few-steps',
    'quadratic local model, H^-1 rescales directions -> no lr; quadratic convergence (digits double each step) near optimum. cost per step O(nd^2 + d^3) time, O(d^2) memory vs O(nd) for GD; can diverge far away / near-singular H -> damping or line search.',
    ['quadratic-model', 'quadratic-convergence', 'cost-per-step', 'fragile'],
  ],
];

describe('what the judge credits', () => {
  it.each([
    ...saturation,
    ...derivation,
    ...shape,
    ...stable,
    ...costs,
    ...newton,
    ...nextToTheKeyword,
    ...terseNotation,
  ])('%s: %s', (question, text, ideas) => {
    expect(credited(question, text).sort()).toEqual([...ideas].sort());
  });
});
