// With LOGREG_TUTOR_TIMING set, `check` ends by printing on stderr when each phase ended.

/**
 * The phases of one command, each marked in ms since the process started (so node's own
 * start-up and loading the bundle are included); printed by `report` when LOGREG_TUTOR_TIMING
 * is set, else nothing is kept.
 */
export class Timing {
  private readonly enabled = Boolean(process.env.LOGREG_TUTOR_TIMING);
  private readonly marks: string[] = [];

  constructor() {
    this.mark('command started');
  }

  mark(label: string): void {
    if (this.enabled) this.marks.push(`${Math.round(performance.now())} ${label}`);
  }

  report(): void {
    if (this.enabled)
      process.stderr.write(
        `timing (ms since process start):\n${this.marks.map((line) => `  ${line}\n`).join('')}`,
      );
  }
}
