// The shell command that opens a workspace in the tutor again, as it was started this time: the
// package is not published, so `npx logreg-tutor` works nowhere but inside its repository.
import path from 'node:path';

/** Quotes `text` for a POSIX shell when it needs it. */
export function shellQuote(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replaceAll("'", "'\\''")}'`;
}

/** How this process was started: the parts of its environment that tell. */
export interface Invocation {
  /** process.execPath: the Node running the tutor. */
  readonly node: string;
  /** process.argv[1]: the command's script, as it was invoked. */
  readonly script: string;
  /** process.env: npm's variables tell `npm start`; PATH tells an installed command. */
  readonly env: Readonly<Record<string, string | undefined>>;
}

/**
 * A command that opens `workspaceDir` again on this machine: `npm start` from the repository
 * when the tutor was started that way (npm puts the Node the project needs first on PATH),
 * `logreg-tutor` when the command is on PATH (installed or linked), else this Node and script.
 */
export function reopenCommand(workspaceDir: string, invocation: Invocation): string {
  const workspace = `-w ${shellQuote(workspaceDir)}`;
  const { env, script, node } = invocation;
  if (env.npm_lifecycle_event === 'start' && env.npm_package_json) {
    return `cd ${shellQuote(path.dirname(env.npm_package_json))} && npm start -- ${workspace}`;
  }
  const name = path.basename(script);
  const onPath = (env.PATH ?? '')
    .split(path.delimiter)
    .some((dir) => dir !== '' && path.resolve(dir) === path.dirname(path.resolve(script)));
  if (name === 'logreg-tutor' && onPath) return `logreg-tutor ${workspace}`;
  return `${shellQuote(node)} ${shellQuote(script)} ${workspace}`;
}
