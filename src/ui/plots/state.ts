// The plots' slice of the UI state: what is known of each task's plots, and their actions.
import type { PlotResult } from '../../plot/types.js';
import type { LatestRunRecord } from '../latest-run.js';

/** What is known about the plots of one task in this session. */
export type PlotRun = LatestRunRecord<PlotResult>;

/** `p` and its page keys, and the answers of the services about plots. */
export type PlotAction =
  | { readonly type: 'plots' }
  | { readonly type: 'plot-page'; readonly by: number }
  | {
      readonly type: 'plots-started';
      readonly taskId: string;
      readonly runId: number;
      readonly at: number;
    }
  | {
      readonly type: 'plots-finished';
      readonly taskId: string;
      readonly runId: number;
      readonly result: PlotResult;
    }
  | { readonly type: 'plots-cancelled'; readonly taskId: string; readonly runId: number }
  | {
      readonly type: 'plots-failed';
      readonly taskId: string;
      readonly runId: number;
      readonly message: string;
    };

/** The answers of the services, which leave the notice on screen. */
export const plotAnswerTypes: readonly PlotAction['type'][] = [
  'plots-started',
  'plots-finished',
  'plots-cancelled',
  'plots-failed',
];
