// The map's progress bar counts: tasks passed, the bonus apart.
import type { Course } from '../../lessons/types.js';
import { hasPassed } from '../app/course.js';
import type { UiState } from '../app/state.js';

/** The map's progress: tasks passed, the bonus apart. */
export function progressCounts(
  state: UiState,
  course: Course,
): { passed: number; total: number; bonusPassed: number; bonusTotal: number } {
  const main = course.tasks.filter((task) => !task.bonus);
  const bonus = course.tasks.filter((task) => task.bonus);
  return {
    passed: main.filter((task) => hasPassed(state, task.id)).length,
    total: main.length,
    bonusPassed: bonus.filter((task) => hasPassed(state, task.id)).length,
    bonusTotal: bonus.length,
  };
}
