// The notebook's cell of task 1.1: sigmoid at [-1000, -10, 0, 10, 1000], which must stay in
// [0, 1] and never decrease.
import { sigmoid } from '../../src/engine/logistic.js';
import { defineCell, numbersOf } from '../../src/notebook/cell.js';

const z = [-1000, -10, 0, 10, 1000];

export default defineCell({
  kind: 'student',
  checks: ['in_0_1', 'monotonic'],
  async run(t, out) {
    const { value } = await t.call([z], { allowMutation: true });
    out.line('sigmoid([-1000, -10, 0, 10, 1000])', value, z.map(sigmoid));
    const p = numbersOf(value);
    // np.all((p >= 0) & (p <= 1)): NaN is neither, so it fails.
    out.check('in_0_1', p?.every((pi) => pi >= 0 && pi <= 1) === true);
    // np.all(np.diff(p) >= 0), z being sorted.
    out.check(
      'monotonic',
      p?.every((pi, i) => i === 0 || pi - (p[i - 1] ?? Number.NaN) >= 0) === true,
    );
  },
});
