// A task: the lesson text, the file to edit, the checks with their diagnostics, the student's
// output, and the status line. An overlay (hints, solution, help) takes the body's place.
import path from 'node:path';
import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import type { TaskLesson } from '../../lessons/types.js';
import type { TaskState } from '../../progress/types.js';
import type { OverlayLayout } from '../app/overlay.js';
import Markdown from '../components/Markdown.js';
import Panel from '../components/Panel.js';
import Rule from '../components/Rule.js';
import { truncate } from '../text.js';
import CheckList from './CheckList.js';
import type { TaskLayout } from './layout.js';
import StatusLine from './StatusLine.js';
import type { TaskRun } from './state.js';

type Props = {
  readonly task: TaskLesson;
  /** Title of the task's section, e.g. `Sigmoid and stable loss`. */
  readonly sectionTitle: string;
  readonly taskState: TaskState;
  readonly run: TaskRun | undefined;
  readonly layout: TaskLayout;
  readonly overlay: OverlayLayout | undefined;
  readonly workspaceDir: string;
  readonly width: number;
  /** Drawn in place of the body when given (the plots). */
  readonly children?: ReactNode;
};

const stateColors: Record<TaskState, string> = {
  passed: 'green',
  regressed: 'yellow',
  failing: 'red',
  open: 'cyan',
  locked: 'gray',
};

export default function TaskScreen({
  task,
  sectionTitle,
  taskState,
  run,
  layout,
  overlay,
  workspaceDir,
  width,
  children,
}: Props) {
  const filePath = path.join(workspaceDir, task.file);
  let body: ReactNode;
  if (children) {
    body = children;
  } else if (overlay) {
    body = (
      <>
        <Panel
          title={overlay.title}
          rows={overlay.rows}
          offset={overlay.scroll}
          height={overlay.height}
          width={width}
        />
        <CheckList rows={overlay.beneath} />
      </>
    );
  } else if (layout.pane === 'checks') {
    body = (
      <>
        <CheckList rows={layout.results} />
        <Box flexGrow={1} />
        <Rule width={width} note={layout.note} />
      </>
    );
  } else {
    body = (
      <>
        <Markdown rows={layout.text} offset={layout.scroll} height={layout.textHeight} />
        <Rule width={width} note={layout.note} />
        <CheckList rows={layout.results} />
      </>
    );
  }
  return (
    <Box flexDirection="column" flexGrow={1}>
      <Text wrap="truncate-end">
        <Text bold>{task.title}</Text>
        {task.bonus && !/bonus/i.test(task.title) ? <Text color="magenta"> (bonus)</Text> : null}
        <Text dimColor> · {sectionTitle} · </Text>
        <Text color={stateColors[taskState]}>{taskState}</Text>
      </Text>
      <Text wrap="truncate-end">
        <Text dimColor>edit </Text>
        <Text color="cyan">
          {truncate(filePath, Math.max(20, width - task.signature.length - 10))}
        </Text>
        <Text dimColor>{`  ${task.signature}`}</Text>
      </Text>
      {body}
      <Box flexGrow={1} />
      <StatusLine file={task.file} run={run} />
    </Box>
  );
}
