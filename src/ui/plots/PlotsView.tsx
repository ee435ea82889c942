// The task's plots in place of its body: a heading with the page (`plot 1 of 2`), then one
// plot fitted to the rows, or what is happening while there is none yet.
import { Box, Text } from 'ink';
import { useMemo } from 'react';
import { plotPage } from './plot-view.js';
import type { PlotRun } from './state.js';

type Props = {
  /** The task's workspace file, e.g. `01-sigmoid.ts`. */
  readonly file: string;
  readonly run: PlotRun | undefined;
  /** The page asked for (clamped here to the pages there are). */
  readonly page: number;
  readonly width: number;
  /** Rows of the task's body, heading included. */
  readonly height: number;
  /** ANSI colours in the plots: see color-on.ts. */
  readonly color: boolean;
  /** The file was checked again since these plots were drawn (see `plotsFresh`). */
  readonly stale: boolean;
};

export default function PlotsView({ file, run, page, width, height, color, stale }: Props) {
  const result = run?.last?.result;
  const showStale = stale && !run?.running && result !== undefined;
  const noteRows = (run?.error ? 1 : 0) + (showStale ? 1 : 0);
  const rows = Math.max(1, height - 1 - noteRows);
  // Drawn again only when the plots, the page or the terminal's size change (not per frame).
  const fitted = useMemo(
    () => (result ? plotPage(result, page, { width, rows, color }) : undefined),
    [result, page, width, rows, color],
  );
  const error = run?.error ? (
    <Text color="red" wrap="truncate-end">
      ✗ The tutor failed to draw the plots: {run.error} Esc, then p, tries again.
    </Text>
  ) : null;

  if (!fitted) {
    return (
      <Box flexDirection="column" height={height} flexShrink={0}>
        <Text bold color="cyan" wrap="truncate-end">
          Plots of {file}
        </Text>
        {error}
        {run?.running ? (
          <Text wrap="truncate-end">
            <Text color="cyan">drawing</Text> your plots from {file}, in the sandbox…
          </Text>
        ) : null}
      </Box>
    );
  }
  const { pages } = fitted;
  return (
    <Box flexDirection="column" height={height} flexShrink={0}>
      <Text wrap="truncate-end">
        <Text bold color="cyan">
          Plots of {file}
        </Text>
        <Text dimColor>
          {` · plot ${fitted.page + 1} of ${pages}`}
          {pages > 1 ? ' · ←→ PgUp PgDn turn the page' : ''}
        </Text>

        {run?.running ? (
          <Text>
            {' · '}
            <Text color="cyan">drawing again…</Text>
          </Text>
        ) : null}
      </Text>
      {error}
      {showStale ? (
        <Text color="yellow" wrap="truncate-end">
          Drawn before your last save: Esc, then p, draws them again.
        </Text>
      ) : null}
      {fitted.lines.map((line, index) => (
        // Lines have no identity beyond their place; truncate-end, or Ink's wrapping scrambles
        // a chart that is one column too wide.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <Text key={index} wrap="truncate-end">
          {line === '' ? ' ' : line}
        </Text>
      ))}
    </Box>
  );
}
