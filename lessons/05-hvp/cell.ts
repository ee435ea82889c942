// The notebook's cell of task 3.1: H·v at w0 for a random v, which must have v's shape and be
// finite. The notebook prints nothing here.
import { allFinite, defineCell, numbersOf } from '../../src/notebook/cell.js';
import { notebookData, notebookDraws } from '../../src/notebook/inputs.js';

export default defineCell({
  kind: 'student',
  checks: ['hvp_shape', 'hvp_finite'],
  async run(t, out) {
    const { X, y } = await t.dataset(notebookData);
    const { w0, v } = notebookDraws();
    const { value } = await t.call([X, y, w0, v], { allowMutation: true });
    const Hv = numbersOf(value);
    out.check('hvp_shape', Hv !== undefined && Hv.length === v.length);
    out.check('hvp_finite', Hv !== undefined && allFinite(Hv));
  },
});
