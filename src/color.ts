// Whether the tutor's output is coloured: one decision, asked by every command and the TUI, so
// that NO_COLOR, FORCE_COLOR and --color / --no-color mean the same everywhere.

/** What a user can say about colour: the command line's flag and the environment. */
export interface ColorSettings {
  /** `--color` (true) or `--no-color` (false); undefined when neither was given. */
  readonly flag?: boolean | undefined;
  /** The environment (default `process.env`). */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/**
 * Whether text written to `stream` may carry ANSI colours and styles. The first rule that
 * says something decides:
 * 1. `--color` / `--no-color`: what was typed for this run wins over what the shell exports;
 * 2. `FORCE_COLOR`, read as chalk's supports-color reads it: `0` or `false` turns colour off;
 *    empty, `true` or a level `1`–`3` turns it on; any other value says nothing;
 * 3. a non-empty `NO_COLOR` turns it off (https://no-color.org: an empty one says nothing);
 * 4. otherwise colour when the stream is a terminal, unless `TERM=dumb`.
 */
export function shouldColor(
  stream: { readonly isTTY?: boolean },
  settings: ColorSettings = {},
): boolean {
  const env = settings.env ?? process.env;
  if (settings.flag !== undefined) return settings.flag;
  const forced = forceColor(env.FORCE_COLOR);
  if (forced !== undefined) return forced;
  if (env.NO_COLOR) return false;
  return stream.isTTY === true && env.TERM !== 'dumb';
}

/** What `FORCE_COLOR` asks for: on, off, or nothing (unset, or a value it does not define). */
function forceColor(value: string | undefined): boolean | undefined {
  if (value === undefined) return undefined;
  if (value === '' || value === 'true') return true;
  if (value === 'false') return false;
  if (/^\d+$/.test(value)) return Number(value) > 0;
  return undefined;
}
