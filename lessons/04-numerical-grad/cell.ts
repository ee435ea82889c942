// The notebook's cell of task 2.3: the numerical gradient of the log-loss at w0 against the
// analytic one; they must agree within 1e-5, the lab's threshold.
import { evaluateFunction, maxAbsDiff, sandboxFunction } from '../../src/engine/check-kit.js';
import { lossAndGrad } from '../../src/engine/logistic.js';
import { defineCell, numbersOf } from '../../src/notebook/cell.js';
import { notebookData, notebookDraws } from '../../src/notebook/inputs.js';

/** The lab's `check('grad_check', max_abs < 1e-5)`. */
const threshold = 1e-5;
/** The notebook's default step. */
const eps = 1e-5;

export default defineCell({
  kind: 'student',
  checks: ['grad_check'],
  async run(t, out) {
    const { data } = await t.dataset(notebookData);
    const { w0 } = notebookDraws();
    // f = lambda v: loss(X, y, v): built in the sandbox, so only the student's loop runs there.
    const spec = { kind: 'logistic-loss', X: data.X, y: data.y } as const;
    const { value } = await t.call([sandboxFunction(spec), w0], { allowMutation: true });
    const analytic = lossAndGrad(data.X, data.y, w0).grad;
    const central = w0.map((_, i) => {
      const shifted = (by: number) => w0.map((wj, j) => (j === i ? wj + by : wj));
      return (
        (evaluateFunction(spec, shifted(eps)) - evaluateFunction(spec, shifted(-eps))) / (2 * eps)
      );
    });
    const numerical = numbersOf(value);
    const maxAbs = numerical?.length === w0.length ? maxAbsDiff(numerical, analytic) : undefined;
    // Differences below 1e-9 are rounding, not a different method.
    out.line('max_abs_diff', maxAbs ?? value, maxAbsDiff(central, analytic), {
      rel: 1e-3,
      abs: 1e-9,
    });
    // NaN < threshold is false, as in numpy.
    out.check('grad_check', maxAbs !== undefined && maxAbs < threshold);
  },
});
