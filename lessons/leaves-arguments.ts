// The check every task has of its own: the function leaves the arrays it was given as they were
// (a training loop passes the same X, y and w to its next call), so a change in place is
// reported once, by name, with the argument and the entry that changed the most.
import { type CheckSpec, defineChecks } from '../src/engine/check-kit.js';

/** The check's name, the same in every task. */
export const leavesArgumentsName = 'leaves its arguments as they were';

/**
 * Calls the task's function once with each argument list; the check kit compares every argument
 * before and after the call and fails with `mutates-argument`. The arguments are chosen to meet
 * the places students change things in place: entries a clip would touch (0, 1, ±1000), weights
 * a step would update, a v a normalisation would rescale.
 */
export function leavesArguments(argsList: readonly (readonly unknown[])[]): CheckSpec {
  const [check] = defineChecks([
    {
      name: leavesArgumentsName,
      async run(t) {
        for (const args of argsList) await t.call(args);
      },
    },
  ]);
  if (!check) throw new Error('unreachable: one check defined');
  return check;
}

/** A small full-rank dataset with mixed labels, shared by the tasks that take X and y. */
export const smallX = [
  [1, 0.5, -1.2],
  [1, -0.3, 0.8],
  [1, 1.5, 0.2],
  [1, -1.1, -0.7],
  [1, 0.4, 1.9],
];
export const smallY = [1, 0, 1, 0, 0];
export const smallW = [0.1, -0.4, 0.3];
