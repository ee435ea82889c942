// The values of the commands' options, read from the command line: a number of seconds, a
// number of columns. A bad one is commander's usage error (exit code 2) that says what to type.
import { InvalidArgumentError } from 'commander';

// Narrower than this, a chart has no room for its lines (plotCommand refuses it).
export const minPlotWidth = 30;

/** `--timeout S`: seconds, more than 0 and at most 600. */
export function parseSeconds(value: string): number {
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 600) {
    throw new InvalidArgumentError(
      `Expected a number of seconds between 0 and 600, got \`${value}\`.`,
    );
  }
  return seconds;
}

/** `--width N`: whole columns, from `minPlotWidth` to 1000. */
export function parseWidth(value: string): number {
  const width = Number(value);
  if (!Number.isInteger(width) || width < minPlotWidth || width > 1000) {
    throw new InvalidArgumentError(
      `Expected a whole number of columns from ${minPlotWidth} to 1000, got \`${value}\`.`,
    );
  }
  return width;
}
