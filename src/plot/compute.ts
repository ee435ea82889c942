// Computes every plot of a task from the student's own code, in one sandbox run with the
// same time and memory limits as the checks. Whatever the student's code does becomes data.
import { CheckFailure } from '../engine/check-kit.js';
import { failureMessage } from '../engine/run-task.js';
import { type RunOptions, type SessionTask, withStudentModule } from '../engine/session.js';
import { plotDefinitions } from './definitions.js';
import { type Computed, plotPlans } from './series.js';
import type { Plot, PlotDefinition, PlotResult, SeriesData } from './types.js';

export type { RunOptions, SessionTask } from '../engine/session.js';

/** True when the task has plots (every task of the lab; not the intro). */
export function hasPlots(taskId: string): boolean {
  return taskId in plotDefinitions;
}

/**
 * Runs the student's file for `task` and computes all its plots. Never rejects for what the
 * student's code does (a compile error, a throw, an endless loop: see `status` and `error`);
 * rejects with an AbortError when `options.signal` aborts, and throws for a task without plots.
 */
export async function computePlots(task: SessionTask, options: RunOptions): Promise<PlotResult> {
  const definitions = plotDefinitions[task.id];
  const plan = plotPlans[task.id];
  if (!definitions || !plan) throw new Error(`Task \`${task.id}\` has no plots`);
  const started = performance.now();

  const end = await withStudentModule(task, options, async (session) => {
    const steps = plan(session.context('plot'));
    const plots: Plot[] = [];
    for (const definition of definitions) {
      const compute = steps[definition.id];
      if (!compute) throw new Error(`Plot \`${task.id}/${definition.id}\` has no computation`);
      try {
        plots.push(drawn(definition, await compute()));
      } catch (error) {
        // A SandboxStopped ends the whole run (the session turns it into `stopped`).
        if (!(error instanceof CheckFailure)) throw error;
        const message = failureMessage(error.failure, { file: task.file, mistakes: {} });
        plots.push({ kind: 'failed', definition, error: message });
      }
    }
    return plots;
  });

  const durationMs = Math.round(performance.now() - started);
  const base = { taskId: task.id, file: task.file, durationMs };
  const failAll = (error: string): Plot[] =>
    definitions.map((definition) => ({ kind: 'failed', definition, error }));
  switch (end.kind) {
    case 'compile-error': {
      const error = `${task.file} does not compile, so there is nothing to draw yet. ${end.error}`;
      return {
        ...base,
        status: 'failed',
        plots: failAll(error),
        error,
        output: { text: '', droppedBytes: 0 },
      };
    }
    case 'stopped': {
      const error = `The plots could not be computed. ${end.error}`;
      return { ...base, status: 'failed', plots: failAll(error), error, output: end.output };
    }
    case 'done': {
      const failed = end.value.filter((plot) => plot.kind === 'failed').length;
      const status = failed === 0 ? 'drawn' : failed === end.value.length ? 'failed' : 'partial';
      const first = end.value.find((plot) => plot.kind === 'failed');
      return {
        ...base,
        status,
        plots: end.value,
        ...(status === 'failed' && first?.kind === 'failed' ? { error: first.error } : {}),
        output: end.output,
      };
    }
  }
}

function drawn(definition: PlotDefinition, computed: Computed): Plot {
  const series: SeriesData[] = definition.series.map((entry) => {
    const values = computed.values[entry.id];
    if (!values) throw new Error(`Plot \`${definition.id}\` computed no series \`${entry.id}\``);
    return { ...entry, values };
  });
  return { kind: 'drawn', definition, x: { ...definition.x, ...computed.x }, series };
}
