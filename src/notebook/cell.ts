// What a notebook cell (lessons/NN-id/cell.ts) is written with: the lines it prints, with the
// tutor's value beside the student's, and its visible checks, each decided in the tutor from
// values read as plain data.
import type { CheckContext } from '../engine/check-kit.js';
import { close } from '../engine/check-kit.js';
import { describeValue, formatExact, formatVector } from '../engine/format.js';

/** How close the student's value must be to the tutor's to count as the same. */
export interface Tolerance {
  readonly rel: number;
  readonly abs: number;
}

/** Same up to the last digits: summation order and the like. */
export const roundingTolerance: Tolerance = { rel: 1e-9, abs: 1e-12 };

/** Where a cell writes what it prints and what its checks found. */
export interface CellOutput {
  /**
   * A printed line: `got` is what the student's code gave (any value: what cannot be read as
   * numbers is described), `reference` the tutor's number or vector on the same data.
   */
  line(
    label: string,
    got: unknown,
    reference: number | readonly number[],
    tolerance?: Tolerance,
  ): void;
  /** A printed line whose value is the tutor's own (section 0 has no student code). */
  fact(label: string, value: string): void;
  /** The verdict of one of the cell's checks, which must be one of its `checks`. */
  check(name: string, ok: boolean): void;
}

/** A cell that calls the task's export in the sandbox. */
export interface StudentCell {
  readonly kind: 'student';
  /** The names of its checks, in the notebook's order. */
  readonly checks: readonly string[];
  /** Runs the cell; a failed call of the student's (CheckFailure) ends it early. */
  run(t: CheckContext, out: CellOutput): Promise<void>;
}

/** A cell of the tutor's alone (section 0: the dataset). */
export interface TutorCell {
  readonly kind: 'tutor';
  readonly checks: readonly string[];
  run(out: CellOutput): void;
}

/** The notebook cell of one lesson. */
export type NotebookCell = StudentCell | TutorCell;

/** The value as numbers (number[] or Float64Array), or undefined when it is anything else. */
export function numbersOf(value: unknown): number[] | undefined {
  if (value instanceof Float64Array) return Array.from(value);
  if (Array.isArray(value) && value.every((x) => typeof x === 'number')) return [...value];
  return undefined;
}

/** The value as one number, or undefined. */
export function numberOf(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

/** The field `key` of a returned object, or undefined when the value is no such object. */
export function fieldOf(value: unknown, key: string): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  return (value as Record<string, unknown>)[key];
}

/** True when every entry is a finite number. */
export function allFinite(values: readonly number[]): boolean {
  return values.every(Number.isFinite);
}

/** ‖v‖₂. */
export function norm(values: readonly number[]): number {
  return Math.sqrt(values.reduce((total, x) => total + x * x, 0));
}

/** A value as the notebook prints it: every digit, long vectors elided. */
export function printed(value: number | readonly number[]): string {
  return typeof value === 'number' ? formatExact(value) : formatVector(value, 8, formatExact);
}

/** What the student's value prints as, and whether it matches the reference. */
export function compare(
  got: unknown,
  reference: number | readonly number[],
  tolerance: Tolerance,
): { value: string; matches: boolean } {
  if (typeof reference === 'number') {
    const number = numberOf(got);
    if (number === undefined) return { value: describeValue(got), matches: false };
    return {
      value: printed(number),
      matches: close(number, reference, tolerance.rel, tolerance.abs),
    };
  }
  const numbers = numbersOf(got);
  if (numbers === undefined) return { value: describeValue(got), matches: false };
  return {
    value: printed(numbers),
    matches:
      numbers.length === reference.length &&
      numbers.every((x, i) => close(x, reference[i] ?? Number.NaN, tolerance.rel, tolerance.abs)),
  };
}

/** The cell of a lesson; the identity function, for type inference in cell files. */
export function defineCell<T extends NotebookCell>(cell: T): T {
  return cell;
}
