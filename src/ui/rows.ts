// Screen rows as data: each row is one terminal line made of styled segments. Screens build
// rows first so they know their height before drawing (components/Rows.tsx draws them).

/** A run of text in one style. */
export interface Segment {
  readonly text: string;
  readonly color?: string;
  readonly bold?: boolean;
  readonly dim?: boolean;
  readonly italic?: boolean;
  readonly inverse?: boolean;
}

/** One terminal line. */
export type Row = readonly Segment[];

/** A row of one or more segments; plain strings are unstyled. */
export function row(...parts: readonly (Segment | string)[]): Row {
  return parts.map((part) => (typeof part === 'string' ? { text: part } : part));
}

export const blank: Row = [];

/** Plain text of a row (for tests and measuring). */
export function rowText(line: Row): string {
  return line.map((segment) => segment.text).join('');
}
