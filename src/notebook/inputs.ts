// The notebook's data, seeded: the dataset of section 0 and the random vectors its cells draw
// (w0, v, the 50 directions of the PSD check), the same in every cell, as in the lab.
import { createRandom } from '../engine/datasets.js';

/** The lab's `make_data(n=400, d=5, separable=False)`, with the notebook's seed. */
export const notebookData = { n: 400, d: 5, separable: false, seed: 0 } as const;

/** The random vectors the notebook draws after its dataset, in its order. */
export interface NotebookDraws {
  /** `w0 = rng.standard_normal(d)`: the weights the cells from 2.2 on evaluate at. */
  readonly w0: number[];
  /** `v` of the Hessian-vector product (task 3.1). */
  readonly v: number[];
  /** The 50 directions of the empirical PSD check (task 3.2). */
  readonly directions: number[][];
}

/** How many directions the PSD cell tries, as in the lab. */
export const psdDirections = 50;

/** The notebook's draws, from a seed of their own (the dataset keeps its own seed). */
export function notebookDraws(): NotebookDraws {
  const random = createRandom(notebookData.seed + 1);
  const { d } = notebookData;
  const w0 = random.normals(d);
  const v = random.normals(d);
  const directions = Array.from({ length: psdDirections }, () => random.normals(d));
  return { w0, v, directions };
}
