// The notebook's cell of task 2.2: the loss and the gradient's norm at a random w0; the
// gradient must have w0's shape and everything must be finite.
import { lossAndGrad } from '../../src/engine/logistic.js';
import {
  allFinite,
  defineCell,
  fieldOf,
  norm,
  numberOf,
  numbersOf,
} from '../../src/notebook/cell.js';
import { notebookData, notebookDraws } from '../../src/notebook/inputs.js';

export default defineCell({
  kind: 'student',
  checks: ['grad_shape', 'finite'],
  async run(t, out) {
    const { X, y, data } = await t.dataset(notebookData);
    const { w0 } = notebookDraws();
    const { value } = await t.call([X, y, w0], { allowMutation: true });
    const reference = lossAndGrad(data.X, data.y, w0);
    // What is no `{ loss, grad }` object (a tuple, say) is shown as it came.
    const isRecord = value !== null && typeof value === 'object' && !Array.isArray(value);
    const lossValue = isRecord ? fieldOf(value, 'loss') : value;
    const gradValue = isRecord ? fieldOf(value, 'grad') : value;
    const loss = numberOf(lossValue);
    const grad = numbersOf(gradValue);
    out.line('loss', lossValue, reference.loss);
    out.line('grad_norm', grad ? norm(grad) : gradValue, norm(reference.grad));
    out.check('grad_shape', grad !== undefined && grad.length === w0.length);
    out.check(
      'finite',
      loss !== undefined && Number.isFinite(loss) && grad !== undefined && allFinite(grad),
    );
  },
});
