// The notebook's cell of task 1.2: the loss at w = 0 (every p = 0.5, so log 2), which must be
// finite.
import { bceLoss, sigmoid } from '../../src/engine/logistic.js';
import { defineCell, numberOf } from '../../src/notebook/cell.js';
import { notebookData } from '../../src/notebook/inputs.js';

export default defineCell({
  kind: 'student',
  checks: ['finite_loss'],
  async run(t, out) {
    const { y, data } = await t.dataset(notebookData);
    // p = sigmoid(X @ zeros(d)): the tutor's sigmoid, so this cell judges the loss alone.
    const p = data.y.map(() => sigmoid(0));
    const { value } = await t.call([y, p], { allowMutation: true });
    out.line('loss', value, bceLoss(data.y, p));
    const loss = numberOf(value);
    out.check('finite_loss', loss !== undefined && Number.isFinite(loss));
  },
});
