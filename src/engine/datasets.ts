// The lab's synthetic datasets (section 0 of the notebook), seeded so every check, plot and
// screen sees the same numbers on every machine.
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { mersenne } from 'pure-rand/generator/mersenne';

/** A seeded source of uniform and standard-normal numbers. */
export interface Random {
  /** Uniform in [0, 1). */
  uniform(): number;
  /** Standard normal (mean 0, variance 1). */
  normal(): number;
  /** `length` standard normals. */
  normals(length: number): number[];
}

/**
 * A seeded generator (Mersenne Twister from pure-rand; normals by Box–Muller). Not
 * xoroshiro128+: seeded with a small integer, its first draw is ≈ 1, which put an outlier in
 * the first row of every dataset.
 */
export function createRandom(seed: number): Random {
  const rng = mersenne(seed);
  let spare: number | undefined;
  const random: Random = {
    uniform: () => uniformFloat64(rng),
    normal() {
      if (spare !== undefined) {
        const value = spare;
        spare = undefined;
        return value;
      }
      // 1 − u keeps the logarithm's argument in (0, 1].
      const radius = Math.sqrt(-2 * Math.log(1 - random.uniform()));
      const angle = 2 * Math.PI * random.uniform();
      spare = radius * Math.sin(angle);
      return radius * Math.cos(angle);
    },
    normals: (length) => Array.from({ length }, () => random.normal()),
  };
  return random;
}

/** A binary classification dataset: X is n×d (a list of rows), y holds 0/1 labels. */
export interface Dataset {
  readonly X: number[][];
  readonly y: number[];
  /** The weights the labels were drawn from. */
  readonly wTrue: number[];
  readonly separable: boolean;
  readonly seed: number;
}

/** Options of `makeData`, as in the notebook's `make_data(n=400, d=5, separable=False)`. */
export interface DataOptions {
  readonly n?: number;
  readonly d?: number;
  readonly separable?: boolean;
  readonly seed?: number;
}

/**
 * The notebook's `make_data`: X ~ N(0, 1), w_true ~ N(0, 1), logits = X·w_true. Separable:
 * y = [logits > 0]. Otherwise the logits get N(0, 0.5²) noise and y ~ Bernoulli(σ(logits)),
 * so some points sit on the wrong side and no hyperplane splits the classes.
 */
export function makeData({
  n = 400,
  d = 5,
  separable = false,
  seed = 0,
}: DataOptions = {}): Dataset {
  const random = createRandom(seed);
  const X = Array.from({ length: n }, () => random.normals(d));
  const wTrue = random.normals(d);
  const logits = X.map((row) => row.reduce((sum, x, j) => sum + x * (wTrue[j] ?? 0), 0));
  const y = separable
    ? logits.map((z) => (z > 0 ? 1 : 0))
    : logits.map((z) => {
        const noisy = z + 0.5 * random.normal();
        return random.uniform() < 1 / (1 + Math.exp(-noisy)) ? 1 : 0;
      });
  return { X, y, wTrue, separable, seed };
}

/** The datasets `copyOfData` made last, by their options; the oldest leaves first. */
const recentData = new Map<string, Dataset>();
const recentDataLimit = 8;

/**
 * `makeData(options)` as a fresh copy the caller may do anything with. The checks ask for the
 * same seeded datasets on every save; copying the rows of one made before is a fraction of
 * drawing its numbers again (which, for 5000×20, also leaves megabytes of garbage behind).
 */
export function copyOfData(options: Required<DataOptions>): Dataset {
  const key = `${options.n}×${options.d}/${options.separable}/${options.seed}`;
  let data = recentData.get(key);
  if (data) {
    recentData.delete(key);
  } else {
    data = makeData(options);
    if (recentData.size >= recentDataLimit) {
      const oldest = recentData.keys().next().value;
      if (oldest !== undefined) recentData.delete(oldest);
    }
  }
  recentData.set(key, data);
  return {
    X: data.X.map((row) => row.slice()),
    y: data.y.slice(),
    wTrue: data.wTrue.slice(),
    separable: data.separable,
    seed: data.seed,
  };
}
