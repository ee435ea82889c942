// The Newton step's cell, in the notebook's style (the lab leaves it optional): one step from
// w0, which must not raise the loss. The losses are the tutor's, so the step alone is judged.
import { newtonStep } from '../../src/engine/logistic.js';
import { stepCell } from '../07-gd-step/cell.js';

export default stepCell('newton_decreased', [], (data, w0) => newtonStep(data.X, data.y, w0));
