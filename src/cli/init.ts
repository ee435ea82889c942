// `logreg-tutor init [DIR]`: creates the workspace's files (never overwriting one) and says how
// to begin.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { defaultWorkspaceName, scaffoldWorkspace } from '../engine/workspace.js';
import { bin, displayPath, paint, plural, print } from './output.js';
import { shellQuote } from './reopen-command.js';
import { type GlobalOptions, openCourse, openStore, UsageError } from './services.js';

/** Creates the workspace in `dirArgument`, else `--workspace`, else ./logreg-lab. */
export async function init(
  dirArgument: string | undefined,
  options: GlobalOptions,
): Promise<number> {
  const target = path.resolve(dirArgument ?? options.workspace ?? defaultWorkspaceName);
  if (existsSync(target) && !statSync(target).isDirectory()) {
    throw new UsageError(
      `${target} is a file, not a folder. Choose another DIR: \`${bin} init DIR\`.`,
    );
  }
  const course = await openCourse();
  const result = scaffoldWorkspace(course, target);
  (await openStore()).setLastWorkspace(result.dir);

  const shown = displayPath(result.dir);
  if (result.created.length === 0) {
    print(`Nothing to create: ${result.dir} already has every file of the workspace.`);
  } else {
    print(
      `${result.kept.length === 0 ? 'Created the workspace' : 'Completed the workspace'} ${result.dir}:`,
    );
    for (const file of result.created) print(`  ${paint('green', '+')} ${file}`);
  }
  if (result.kept.length > 0) {
    print(`Kept ${plural(result.kept.length, 'file')} already there (never overwritten):`);
    for (const file of result.kept) print(`  ${paint('dim', '=')} ${file}`);
    print(
      `To start a task over from its starter, run \`${bin} reset TASK\` (it backs your file up first).`,
    );
  }
  const first = course.tasks[0];
  print();
  print('To start:');
  if (shown !== '.') print(`  cd ${shellQuote(shown)}`);
  print(`  Open the folder in your editor${first ? ` and begin with ${first.file}` : ''}.`);
  print(`  ${bin}          the tutor: lessons, and checks each time you save`);
  print(`  ${bin} check    check every task once, from the shell`);
  return 0;
}
