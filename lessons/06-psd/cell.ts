// The notebook's cell of task 3.2: vᵀHv at w0 in 50 random directions; the smallest must not
// be below -1e-8, the lab's threshold.
import { dot, hvp } from '../../src/engine/logistic.js';
import { defineCell, numberOf } from '../../src/notebook/cell.js';
import { notebookData, notebookDraws } from '../../src/notebook/inputs.js';

/** The lab's `check('psd', min(vals) > -1e-8)`. */
const threshold = -1e-8;

export default defineCell({
  kind: 'student',
  checks: ['psd'],
  async run(t, out) {
    const { X, y, data } = await t.dataset(notebookData);
    const { w0, directions } = notebookDraws();
    const [w] = await t.keep(w0);
    const returned = await t.callEach(
      directions.map((v) => [X, y, w, v]),
      { allowMutation: true },
    );
    const values = returned.map((call) => numberOf(call.value));
    const reference = Math.min(...directions.map((v) => dot(v, hvp(data.X, w0, v))));
    const unreadable = returned.find((call) => typeof call.value !== 'number');
    const smallest = values.every((x) => x !== undefined) ? Math.min(...values) : undefined;
    out.line('min vHv', unreadable ? unreadable.value : smallest, reference);
    // Math.min is NaN when any value is, and NaN > threshold is false.
    out.check('psd', smallest !== undefined && smallest > threshold);
  },
});
