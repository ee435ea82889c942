// What a notebook run shows, as one list of lines that both `logreg-tutor run` and the TUI's
// Run view draw: the printed values (the tutor's beside any that differ), then `OK: NAME` or
// `Failed: NAME` for each of the notebook's checks, and what they are not.
import type { NotebookResult } from './types.js';

/** One line of a notebook run, before styling. */
export type ReportLine =
  /** Why the cell could not run to its end; may hold several lines (a failed call's message). */
  | { readonly kind: 'error'; readonly text: string }
  /** A printed value; `reference` only when the tutor's differs. */
  | {
      readonly kind: 'value';
      readonly label: string;
      readonly value: string;
      readonly reference?: string;
    }
  | { readonly kind: 'check'; readonly name: string; readonly ok: boolean }
  | { readonly kind: 'note'; readonly text: string };

/** How the TUI and the CLI name the way to the hidden checks (`r`, `logreg-tutor check ID`). */
export function reportLines(result: NotebookResult, hiddenChecks: string): ReportLine[] {
  const lines: ReportLine[] = [];
  if (result.error) {
    // The starter's TODO is said in one line, as `check` says it.
    const text = result.notImplemented
      ? `${result.file ?? result.taskId} still throws the starter's TODO error. Replace that line with your code.`
      : result.error;
    lines.push({ kind: 'error', text });
  }
  for (const line of result.lines) {
    lines.push({
      kind: 'value',
      label: line.label,
      value: line.value,
      ...(line.matches ? {} : { reference: line.reference }),
    });
  }
  for (const check of result.checks) lines.push({ kind: 'check', name: check.name, ok: check.ok });
  lines.push({
    kind: 'note',
    text:
      result.file === undefined
        ? "This is the notebook's own check, on the tutor's seeded data."
        : `These are the notebook's own checks; the hidden checks go further: ${hiddenChecks}.`,
  });
  return lines;
}

/** A check's line as the notebook prints it. */
export function checkText(name: string, ok: boolean): string {
  return `${ok ? 'OK' : 'Failed'}: ${name}`;
}
