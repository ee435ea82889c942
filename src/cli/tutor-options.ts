// The command line of the tutor with no command, read without commander (see main.ts).
import { parseArgs } from 'node:util';
import type { GlobalOptions } from './services.js';

/**
 * The options of the tutor with no command (program.ts's own options), when the command line
 * holds those and nothing else; otherwise undefined. A test holds it to what commander makes of
 * the same command line.
 */
export function tutorOptions(args: readonly string[]): GlobalOptions | undefined {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args);
  } catch {
    return undefined;
  }
  const { values, positionals } = parsed;
  if (positionals.length > 0) return undefined;
  return {
    ...(values.workspace !== undefined && { workspace: values.workspace }),
    ...(values.color !== undefined && { color: values.color }),
  };
}

function parse(args: readonly string[]) {
  return parseArgs({
    args: [...args],
    options: { workspace: { type: 'string', short: 'w' }, color: { type: 'boolean' } },
    // --no-color
    allowNegative: true,
    allowPositionals: true,
    strict: true,
  });
}
