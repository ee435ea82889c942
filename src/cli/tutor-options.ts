// The command line of the tutor with no command, read without commander (see main.ts).
import { parseArgs } from 'node:util';
import type { GlobalOptions } from './services.js';

/**
 * The options of the tutor with no command (program.ts's own options), when the command line
 * holds those and nothing else; otherwise undefined. A test holds it to what commander makes of
 * the same command line.
 */
export function tutorOptions(args: readonly string[]): GlobalOptions | undefined {
  const parsed = parse(args);
  if (!parsed || parsed.positionals.length > 0) return undefined;
  const { workspace, color } = parsed.values;
  return {
    ...(workspace !== undefined && { workspace }),
    ...(color !== undefined && { color }),
  };
}

/** parseArgs's reading, or undefined for anything it rejects (commander then says what). */
function parse(args: readonly string[]) {
  try {
    return parseArgs({
      args: [...args],
      options: { workspace: { type: 'string', short: 'w' }, color: { type: 'boolean' } },
      // --no-color
      allowNegative: true,
      allowPositionals: true,
      strict: true,
    });
  } catch {
    return undefined;
  }
}
