// The notebook's cell of task 4.1: one step with lr = 0.1 from w0, which must not raise the
// loss. The losses are the tutor's, so the step alone is judged.

import type { Dataset } from '../../src/engine/datasets.js';
import { gdStep, lossAndGrad } from '../../src/engine/logistic.js';
import { defineCell, numbersOf, type StudentCell } from '../../src/notebook/cell.js';
import { notebookData, notebookDraws } from '../../src/notebook/inputs.js';

/**
 * A cell that takes one step from w0 with the student's `step(X, y, w0, ...extra)`, prints
 * loss0 and loss1 and checks, under `name`, the lab's `loss1 <= loss0 + 1e-12`.
 */
export function stepCell(
  name: string,
  extra: readonly number[],
  reference: (data: Dataset, w0: readonly number[]) => number[],
): StudentCell {
  return defineCell({
    kind: 'student',
    checks: [name],
    async run(t, out) {
      const { X, y, data } = await t.dataset(notebookData);
      const { w0 } = notebookDraws();
      const { value } = await t.call([X, y, w0, ...extra], { allowMutation: true });
      const loss = (w: readonly number[]) => lossAndGrad(data.X, data.y, w).loss;
      const w1 = numbersOf(value);
      const loss0 = loss(w0);
      const loss1 = w1?.length === w0.length ? loss(w1) : undefined;
      out.line('loss0', loss0, loss0);
      out.line('loss1', loss1 ?? value, loss(reference(data, w0)));
      out.check(name, loss1 !== undefined && loss1 <= loss0 + 1e-12);
    },
  });
}

export default stepCell('decreased', [0.1], (data, w0) => gdStep(data.X, data.y, w0, 0.1));
