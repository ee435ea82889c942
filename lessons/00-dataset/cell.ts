// The notebook's cell of section 0: the dataset's shapes and label balance. No student code
// runs here; the numbers are the tutor's seeded data, the same every cell after it uses.
import { makeData } from '../../src/engine/datasets.js';
import { formatExact } from '../../src/engine/format.js';
import { defineCell } from '../../src/notebook/cell.js';
import { notebookData } from '../../src/notebook/inputs.js';

export default defineCell({
  kind: 'tutor',
  checks: ['shapes'],
  run(out) {
    const { X, y } = makeData(notebookData);
    const d = X[0]?.length ?? 0;
    out.fact('X.shape', `(${X.length}, ${d})`);
    out.fact('y.mean()', formatExact(y.reduce((total, label) => total + label, 0) / y.length));
    // X.ndim == 2 and y.ndim == 1 and X.shape[0] == y.shape[0]
    out.check('shapes', X.length === y.length && X.every((row) => row.length === d));
  },
});
