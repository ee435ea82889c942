// `watching 01-sigmoid.ts · last checked 12:01:03 · 41 ms`, or `checking 01-sigmoid.ts` while a
// check runs. Still text, not a spinner: Ink lays out and redraws the whole screen for every
// frame (15–40 ms of the main thread for a task), and a spinner's frames competed with the check.
import { Text } from 'ink';
import { clock } from '../text.js';
import type { TaskRun } from './state.js';

type Props = {
  /** The task's workspace file. */
  readonly file: string;
  readonly run: TaskRun | undefined;
};

export default function StatusLine({ file, run }: Props) {
  if (run?.running) {
    return (
      <Text wrap="truncate-end">
        <Text color="cyan">checking</Text> {file} <Text dimColor>· Esc cancels</Text>
      </Text>
    );
  }
  let detail: string;
  if (run?.cancelled) detail = 'check cancelled · r checks again';
  else if (run?.last)
    detail = `last checked ${clock(run.last.checkedAt)} · ${run.last.result.durationMs} ms`;
  else detail = 'not checked yet · save the file or press r';
  return (
    <Text dimColor wrap="truncate-end">
      watching {file} · {detail}
    </Text>
  );
}
