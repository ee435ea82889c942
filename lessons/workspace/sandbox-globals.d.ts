// What your task files may use beyond the language itself (ES2023, see tsconfig.json): exactly
// what the tutor's checks give your code when they run it. There is no browser here and no
// Node.js: no `document`, no `setTimeout`, no `require`. The tutor type-checks your files against
// its own copy of this file, so changing it changes what your editor accepts, not what runs.

/** console.log and friends: what they print is shown under the checks. */
interface Console {
  log(...data: unknown[]): void;
  info(...data: unknown[]): void;
  debug(...data: unknown[]): void;
  warn(...data: unknown[]): void;
  error(...data: unknown[]): void;
  /** Prints like `console.log` (no stack trace). */
  trace(...data: unknown[]): void;
  /** Prints like `console.log` (no table). */
  table(...data: unknown[]): void;
  /** Prints like `console.log`. */
  dir(...data: unknown[]): void;
}
declare var console: Console;

interface Performance {
  /** Milliseconds since the run started, for timing your own code. */
  now(): number;
}
declare var performance: Performance;

/** A deep copy of arrays, typed arrays and plain objects. */
declare function structuredClone<T>(value: T): T;

/** A stand-in for Node's `process`: printing, and `exit`, which ends the run. */
interface SandboxProcess {
  exit(code?: number): never;
  readonly stdout: { write(text: string): boolean };
  readonly stderr: { write(text: string): boolean };
  /** Always empty. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Always empty. */
  readonly argv: readonly string[];
}
declare var process: SandboxProcess;
