// The notebook cell of every lesson, by lesson id (`logreg-tutor run`, the TUI's `x`). Bundled
// into the tutor, like the checks.
import type { NotebookCell } from '../src/notebook/cell.js';
import dataset from './00-dataset/cell.js';
import sigmoid from './01-sigmoid/cell.js';
import bceLoss from './02-bce-loss/cell.js';
import lossAndGrad from './03-loss-and-grad/cell.js';
import numericalGrad from './04-numerical-grad/cell.js';
import hvp from './05-hvp/cell.js';
import psd from './06-psd/cell.js';
import gdStep from './07-gd-step/cell.js';
import newtonStep from './08-newton-step/cell.js';

export const cellsByLesson: Readonly<Record<string, NotebookCell>> = {
  dataset,
  sigmoid,
  'bce-loss': bceLoss,
  'loss-and-grad': lossAndGrad,
  'numerical-grad': numericalGrad,
  hvp,
  psd,
  'gd-step': gdStep,
  'newton-step': newtonStep,
};
