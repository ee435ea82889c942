// What a plot is, as data: its axes and series (the definitions), the numbers the student's
// code produced for it, and the outcome of one plotting run of a task.
import type { ConsoleOutput } from '../engine/types.js';

/** How an axis maps values: as they are, or by their base-10 logarithm. */
export type Scale = 'linear' | 'log10';

/** The x axis: series are sampled at evenly spaced points from `from` to `to` (in its scale). */
export interface XAxis {
  /** What x is, as the axis line names it: `z`, `eps`, `step`. */
  readonly label: string;
  readonly from: number;
  readonly to: number;
  readonly scale: Scale;
}

/** The y axis. */
export interface YAxis {
  /** What y is, e.g. `loss of one example`. */
  readonly label: string;
  readonly scale: Scale;
  /** Values always inside the drawn range (0, to show that curvature never goes below it). */
  readonly include?: readonly number[];
  /**
   * Finite values beyond these bounds are drawn at the edge, and the axis line says so
   * (a loss of 27.6 at p = 0 would flatten the rest of the curve).
   */
  readonly clip?: { readonly min?: number; readonly max?: number };
}

/** One line of a plot. */
export interface SeriesDefinition {
  /** Key of the series in the computed values. */
  readonly id: string;
  /** Its legend entry, e.g. `σ(z), yours`. */
  readonly name: string;
  /**
   * `student`: computed from the student's code, drawn solid in colour. `reference`: the
   * tutor's own math, drawn dashed in grey beside (and under) the student's line.
   */
  readonly source: 'student' | 'reference';
}

/** One chart of a task, as data. */
export interface PlotDefinition {
  /** Unique within the task, e.g. `sigmoid` or `norm`. */
  readonly id: string;
  readonly title: string;
  /** One sentence on what to look for. */
  readonly caption: string;
  /**
   * For a plot whose caption says the student's line falls: what to say instead when their
   * (first) line does not, so the caption never describes a line that is not on screen.
   */
  readonly unlessFalling?: {
    /** Their line ends higher than it starts. */
    readonly rising: string;
    /** It ends level with its start, or not a number. */
    readonly otherwise: string;
  };
  readonly x: XAxis;
  readonly y: YAxis;
  /** In legend order. */
  readonly series: readonly SeriesDefinition[];
}

/** A series with its values, sampled at evenly spaced points of the plot's x axis. */
export interface SeriesData extends SeriesDefinition {
  /** May hold NaN and ±Infinity: a broken student function is drawn, not rejected. */
  readonly values: readonly number[];
}

/** A plot of a task after a run: drawn from the computed series, or the reason it could not be. */
export type Plot =
  | {
      readonly kind: 'drawn';
      readonly definition: PlotDefinition;
      /** The x axis as computed (a range can depend on the data, e.g. the step sizes tried). */
      readonly x: XAxis;
      readonly series: readonly SeriesData[];
    }
  | {
      readonly kind: 'failed';
      readonly definition: PlotDefinition;
      /** What went wrong, in plain words: the call tried, what came back. */
      readonly error: string;
    };

/** The outcome of plotting one task's file. Student failures are data here, never exceptions. */
export interface PlotResult {
  readonly taskId: string;
  /** The workspace file, e.g. `01-sigmoid.ts`. */
  readonly file: string;
  /**
   * `drawn`: every plot was drawn (its series may still hold NaN or Infinity). `partial`: some
   * plots could not be computed. `failed`: none could: the file does not compile, threw while
   * loading, ran out of time or crashed; `error` says which.
   */
  readonly status: 'drawn' | 'partial' | 'failed';
  /** One per plot definition of the task, in order (each `failed` when the run failed). */
  readonly plots: readonly Plot[];
  /** For `failed`: one plain sentence saying what happened. */
  readonly error?: string;
  /** What the student's code printed while the plots were computed. */
  readonly output: ConsoleOutput;
  /** Wall time of the run (transpile, sandbox, every plot). */
  readonly durationMs: number;
}
