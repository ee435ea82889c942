// The plots' reducer slice (`p`, paging, the answers of the services) and what the keys and
// the view ask of it: whether a task has plots, how many pages, whether they are fresh.

import type { TaskLesson } from '../../lessons/types.js';
import { plottedTaskIds } from '../../plot/definitions.js';
import type { PlotResult } from '../../plot/types.js';
import { clamp, none, type UiState, type Update } from '../app/state.js';
import { nextRecord, type RunEvent } from '../latest-run.js';
import { type PlotAction, plotAnswerTypes } from './state.js';

/** True when the task has plots (every task of the lab has; a test course may not). */
export function taskHasPlots(taskId: string): boolean {
  return plottedTaskIds.includes(taskId);
}

/**
 * Pages of a plot result: one per plot, or one in all when none could be computed (the view then
 * says why once, for every plot).
 */
export function plotPageCount(result: PlotResult): number {
  return result.status === 'failed' ? 1 : Math.max(1, result.plots.length);
}

/**
 * True when `p` needs no new computation: one is on its way, or the last plots were started
 * after the last check of the file (every save is checked, so the file has not changed since).
 */
export function plotsFresh(state: UiState, taskId: string): boolean {
  const plots = state.plots?.[taskId];
  if (plots?.running) return true;
  const run = state.runs[taskId];
  if (!plots?.last || run?.running) return false;
  return run?.last === undefined || plots.last.startedAt >= run.last.checkedAt;
}

const plotActions: ReadonlySet<string> = new Set<PlotAction['type']>([
  'plots',
  'plot-page',
  ...plotAnswerTypes,
]);

/** True for an action of this slice. */
export function isPlotAction(action: { readonly type: string }): action is PlotAction {
  return plotActions.has(action.type);
}

export function reducePlots(
  state: UiState,
  action: PlotAction,
  task: TaskLesson | undefined,
): Update {
  switch (action.type) {
    case 'plots': {
      if (!task) return { state, effects: none };
      if (!taskHasPlots(task.id))
        return { state: { ...state, notice: `${task.id} has no plots.` }, effects: none };
      return {
        state: {
          ...state,
          overlay: { kind: 'plots', taskId: task.id, page: 0 },
          overlayScroll: 0,
        },
        effects: plotsFresh(state, task.id) ? none : [{ type: 'compute-plots', taskId: task.id }],
      };
    }
    case 'plot-page': {
      const overlay = state.overlay;
      if (overlay?.kind !== 'plots') return { state, effects: none };
      const result = state.plots?.[overlay.taskId]?.last?.result;
      const pages = result ? plotPageCount(result) : 1;
      const page = clamp(overlay.page + action.by, 0, pages - 1);
      return { state: { ...state, overlay: { ...overlay, page } }, effects: none };
    }
    case 'plots-started':
      return plotEvent(state, action.taskId, {
        kind: 'started',
        runId: action.runId,
        at: action.at,
      });
    case 'plots-finished':
      return plotEvent(state, action.taskId, {
        kind: 'finished',
        runId: action.runId,
        result: action.result,
      });
    case 'plots-cancelled':
      return plotEvent(state, action.taskId, { kind: 'ended', runId: action.runId });
    case 'plots-failed':
      return plotEvent(state, action.taskId, {
        kind: 'ended',
        runId: action.runId,
        error: action.message,
      });
  }
}

function plotEvent(state: UiState, taskId: string, event: RunEvent<PlotResult>): Update {
  const next = nextRecord(state.plots?.[taskId], event);
  return {
    state: next ? { ...state, plots: { ...state.plots, [taskId]: next } } : state,
    effects: none,
  };
}
