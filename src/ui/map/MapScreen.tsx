// The lesson map: every section and task with its state, what unlocks a locked task, and the
// overall progress. The selected lesson is the one Enter opens.
import { Box, Text } from 'ink';
import type { Course, Lesson, TaskLesson } from '../../lessons/types.js';
import { allQuestions, isAnswered } from '../../progress/answers.js';
import type { TaskState } from '../../progress/types.js';
import { isComplete, taskState } from '../../progress/unlock.js';
import { lockedReason } from '../app/course.js';
import type { UiState } from '../app/state.js';
import Rows from '../components/Rows.js';
import { blank, type Row, row } from '../rows.js';
import { staleWord } from '../stale/state.js';
import { calendarDate, clock, plural, truncate } from '../text.js';
import ProgressBar from './ProgressBar.js';
import { progressCounts } from './progress.js';

type Props = {
  readonly course: Course;
  readonly state: UiState;
  readonly workspaceDir: string;
  readonly width: number;
  /** Rows available to the screen. */
  readonly height: number;
};

const marks: Record<
  TaskState,
  { readonly mark: string; readonly color: string; readonly word: string }
> = {
  passed: { mark: '✓', color: 'green', word: 'passed' },
  regressed: { mark: '!', color: 'yellow', word: 'regressed: passed before, fails now' },
  failing: { mark: '✗', color: 'red', word: 'failing' },
  open: { mark: '○', color: 'cyan', word: 'open' },
  locked: { mark: '·', color: 'gray', word: 'locked' },
};

const staleLook = { mark: '~', color: 'cyan', word: '' };

export default function MapScreen({ course, state, workspaceDir, width, height }: Props) {
  const counts = progressCounts(state, course);
  // Title, progress, workspace, a blank; then a blank and the selected lesson's details.
  const room = Math.max(3, height - 6);
  const spaced = listRows(course, state, width, true);
  // Blank rows between sections only when everything fits with them.
  const { rows, selectedRow } =
    spaced.rows.length <= room ? spaced : listRows(course, state, width, false);
  const first =
    rows.length <= room
      ? 0
      : Math.min(Math.max(0, selectedRow - Math.floor(room / 2)), rows.length - room);
  const selected = course.lessons[state.cursor];
  return (
    <Box flexDirection="column" flexGrow={1}>
      <Text bold wrap="truncate-end">
        {course.title}
      </Text>
      <Text wrap="truncate-end">
        <ProgressBar value={counts.passed} total={counts.total} width={24} /> {counts.passed} of{' '}
        {plural(counts.total, 'task')} passed
        {counts.bonusTotal > 0 ? (
          <Text dimColor>{` · bonus ${counts.bonusPassed} of ${counts.bonusTotal}`}</Text>
        ) : null}
      </Text>
      <Text dimColor wrap="truncate-end">
        workspace {workspaceDir}
      </Text>
      <Text> </Text>
      <Rows rows={rows.slice(first, first + room)} />
      <Box flexGrow={1} />
      {selected ? <Rows rows={[detailRow(course, state, selected, width)]} /> : null}
    </Box>
  );
}

function listRows(
  course: Course,
  state: UiState,
  width: number,
  spaced: boolean,
): { rows: Row[]; selectedRow: number } {
  const rows: Row[] = [];
  let selectedRow = 0;
  const titleWidth = Math.min(
    34,
    Math.max(...course.lessons.map((lesson) => titleOf(lesson).length + 2)),
  );
  // The file column goes when the terminal is too narrow for it and the state words; the
  // selected task's file is on the details row anyway.
  const files = Math.max(...course.tasks.map((task) => task.file.length)) + 2;
  const fileWidth = width - 4 - titleWidth - files >= 36 ? files : 0;
  for (const [index, section] of course.sections.entries()) {
    if (index > 0 && spaced) rows.push(blank);
    rows.push(row({ text: `${section.id}  ${section.title}`, bold: true }));
    for (const lesson of section.lessons) {
      const at = course.lessons.indexOf(lesson);
      const isSelected = at === state.cursor;
      if (isSelected) selectedRow = rows.length;
      const pointer = isSelected ? { text: '› ', color: 'cyan', bold: true } : { text: '  ' };
      const title = (text: string) => {
        const shown = truncate(text, titleWidth - 2);
        return [
          { text: shown, bold: isSelected, inverse: isSelected },
          { text: ''.padEnd(titleWidth - shown.length) },
        ];
      };
      if (lesson.kind === 'intro') {
        rows.push(
          row(
            pointer,
            { text: '≡ ', color: 'cyan' },
            ...title(lesson.title),
            { text: ''.padEnd(fileWidth) },
            { text: 'reading', dim: true },
          ),
        );
        continue;
      }
      const stateNow = taskState(course, state.progress, lesson);
      // A verdict of files that have changed since is not shown as if it held.
      const changed = stateNow === 'locked' ? undefined : staleWord(state.stale?.[lesson.id]);
      const look = changed ? staleLook : marks[stateNow];
      const room = Math.max(8, width - 4 - titleWidth - fileWidth);
      const reason = lockedReason(course, lesson, state.progress);
      // `·` and the grey already say locked; what unlocks it must not be cut off.
      const word =
        changed ??
        (stateNow === 'passed'
          ? passedWord(course, state, lesson)
          : stateNow !== 'locked'
            ? look.word
            : `locked · ${reason}`.length <= room
              ? `locked · ${reason}`
              : reason);
      rows.push(
        row(
          pointer,
          { text: `${look.mark} `, color: look.color, bold: true },
          ...title(titleOf(lesson)),
          { text: fileWidth > 0 ? lesson.file.padEnd(fileWidth) : '', dim: true },
          { text: truncate(word, room), color: stateNow === 'locked' ? 'gray' : look.color },
        ),
      );
    }
  }
  return { rows, selectedRow };
}

/** "passed", or what a task whose checks pass still lacks: the next task waits for it. */
function passedWord(course: Course, state: UiState, task: TaskLesson): string {
  const questions = allQuestions(course.tasks);
  if (isComplete(state.progress, task, questions)) return 'passed';
  const left = task.questions.filter(
    (question) => !isAnswered(state.progress, question, questions),
  ).length;
  return `checks pass · answer its ${left === 1 ? 'question' : `${left} questions`}`;
}

function titleOf(lesson: Lesson): string {
  return lesson.kind === 'task' && lesson.bonus && !/bonus/i.test(lesson.title)
    ? `${lesson.title} (bonus)`
    : lesson.title;
}

function detailRow(course: Course, state: UiState, lesson: Lesson, width: number): Row {
  if (lesson.kind === 'intro')
    return row({
      text: truncate(
        `${lesson.title}: how the datasets of every check are made. Enter opens it.`,
        width,
      ),
      dim: true,
    });
  const stateNow = taskState(course, state.progress, lesson);
  if (stateNow === 'locked')
    return row({
      text: truncate(
        `${lesson.title} opens when you ${lockedReason(course, lesson, state.progress)}.`,
        width,
      ),
      dim: true,
    });
  const record = state.progress.tasks[lesson.id];
  const parts = [
    lesson.file,
    `${plural(record?.attempts ?? 0, 'check')} run`,
    `${plural(record?.hintsShown ?? 0, 'hint')} seen`,
  ];
  if (record?.firstPassedAt)
    parts.push(
      `first passed ${calendarDate(Date.parse(record.firstPassedAt))} ${clock(Date.parse(record.firstPassedAt)).slice(0, 5)}`,
    );
  return row({ text: truncate(parts.join(' · '), width), dim: true });
}
