// The hidden checks of every task, by lesson folder. Bundled into the tutor; never copied into
// a student's workspace.
import type { CheckSpec } from '../src/engine/check-kit.js';
import sigmoid from './01-sigmoid/checks.js';
import bceLoss from './02-bce-loss/checks.js';
import lossAndGrad from './03-loss-and-grad/checks.js';
import numericalGrad from './04-numerical-grad/checks.js';
import hvp from './05-hvp/checks.js';
import psd from './06-psd/checks.js';
import gdStep from './07-gd-step/checks.js';
import newtonStep from './08-newton-step/checks.js';

export const checksByLesson: Readonly<Record<string, readonly CheckSpec[]>> = {
  '01-sigmoid': sigmoid,
  '02-bce-loss': bceLoss,
  '03-loss-and-grad': lossAndGrad,
  '04-numerical-grad': numericalGrad,
  '05-hvp': hvp,
  '06-psd': psd,
  '07-gd-step': gdStep,
  '08-newton-step': newtonStep,
};
