// Section 0 fitted to the terminal: the datasets' table, then the lesson text and its scroll.
import { makeData } from '../../engine/datasets.js';
import type { IntroLesson } from '../../lessons/types.js';
import type { UiState } from '../app/state.js';
import { lessonRows } from '../lesson-text.js';
import { type Row, row } from '../rows.js';

/** The intro (section 0) screen, fitted. */
export interface IntroLayout {
  readonly datasets: readonly Row[];
  readonly text: readonly string[];
  readonly textHeight: number;
  readonly scroll: number;
  readonly bodyHeight: number;
}

/** Section 0 fitted to `width` and the rows its title row leaves. */
export function introLayout(
  state: UiState,
  lesson: IntroLesson,
  width: number,
  screen: number,
): IntroLayout {
  const bodyHeight = screen - 1;
  const datasets = datasetRows();
  const text = lessonRows(lesson.text, width - 2);
  // Two rules: under the datasets and under the text.
  const textHeight = Math.max(1, bodyHeight - datasets.length - 2);
  const scroll = Math.min(state.scroll, Math.max(0, text.length - textHeight));
  return { datasets, text, textHeight, scroll, bodyHeight };
}

let datasetCache: Row[] | undefined;

/** Shape, class balance and recipe of the two synthetic datasets, as the checks make them. */
export function datasetRows(): Row[] {
  if (datasetCache) return datasetCache;
  const describe = (separable: boolean) => {
    const data = makeData({ separable });
    const ones = data.y.filter((label) => label === 1).length;
    const share = ((100 * ones) / data.y.length).toFixed(1);
    return {
      shape: `${data.X.length}×${data.X[0]?.length ?? 0}`,
      balance: `${ones} (${share}%)`,
      wTrue: data.wTrue,
    };
  };
  const noisy = describe(false);
  const clean = describe(true);
  const columns = (name: string, shape: string, balance: string, how: string) =>
    `${name.padEnd(14)}${shape.padEnd(7)}${balance.padEnd(13)}${how}`;
  datasetCache = [
    row({ text: columns('dataset', 'X', 'y = 1', 'how y was made'), bold: true }),
    row(
      columns(
        'non-separable',
        noisy.shape,
        noisy.balance,
        'z = X·w_true + 0.5·ε, y ~ Bernoulli(σ(z))',
      ),
    ),
    row(columns('separable', clean.shape, clean.balance, 'y = 1 where X·w_true > 0, else 0')),
    row({
      text: `X, w_true, ε ~ N(0, 1), seed 0 · w_true = [${noisy.wTrue.map((w) => w.toFixed(2).replace('-', '−')).join(', ')}]`,
      dim: true,
    }),
  ];
  return datasetCache;
}
