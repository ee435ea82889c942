// Whether the TUI is drawn in colour. Ink draws with chalk, and run-tui.tsx sets chalk's level
// from the tutor's one decision about colour (src/color.ts); text that carries ANSI codes of its
// own (the plots, the lessons' markdown) follows that same level, since Ink passes such codes
// through as they are.
import chalk from 'chalk';

/** True when the TUI is drawn in colour. */
export function colorOn(): boolean {
  return chalk.level > 0;
}
