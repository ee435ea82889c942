import { describe, expect, it } from 'vitest';
import type { Course, TaskLesson } from '../../../src/lessons/types.js';
import type { TaskProgress, WorkspaceProgress } from '../../../src/progress/types.js';
import { isComplete, isUnlocked, prerequisite, taskState } from '../../../src/progress/unlock.js';

function fakeTask(id: string, requires: string | null): TaskLesson {
  return {
    kind: 'task',
    id,
    dir: id,
    title: id,
    section: '1',
    text: '',
    file: `${id}.ts`,
    exportName: id,
    params: [],
    signature: '',
    bonus: false,
    requires,
    learned: '',
    hints: ['h'],
    checkHints: {},
    mistakes: {},
    starter: '',
    solution: '',
    checks: [],
    questions: [],
  };
}

// first ← second ← third, and a free task that needs nothing.
const tasks = [
  fakeTask('first', null),
  fakeTask('second', 'first'),
  fakeTask('third', 'second'),
  fakeTask('free', null),
];
const course: Course = {
  title: 'Fake',
  sections: [{ id: '1', title: 'One', lessons: tasks }],
  lessons: tasks,
  tasks,
  workspaceFiles: {},
};
const [first, second, third, free] = tasks as [TaskLesson, TaskLesson, TaskLesson, TaskLesson];

const passed: TaskProgress = {
  attempts: 1,
  hintsShown: 0,
  lastStatus: 'pass',
  firstPassedAt: '2026-11-28T12:00:00Z',
};
const failing: TaskProgress = { attempts: 2, hintsShown: 1, lastStatus: 'fail' };
const regressed: TaskProgress = { ...passed, attempts: 3, lastStatus: 'fail' };

function progress(tasks: Record<string, TaskProgress>): WorkspaceProgress {
  return { tasks };
}

describe('isComplete', () => {
  it('is true once the task has passed, whatever happened since', () => {
    expect(isComplete(undefined)).toBe(false);
    expect(isComplete(failing)).toBe(false);
    expect(isComplete(passed)).toBe(true);
    expect(isComplete(regressed)).toBe(true);
  });
});

describe('prerequisite', () => {
  it('is the task named by `requires`', () => {
    expect(prerequisite(course, first)).toBeUndefined();
    expect(prerequisite(course, third)).toBe(second);
  });
});

describe('isUnlocked', () => {
  it('opens a task when the one it requires is complete', () => {
    expect(isUnlocked(course, progress({}), first)).toBe(true);
    expect(isUnlocked(course, progress({}), second)).toBe(false);
    expect(isUnlocked(course, progress({ first: failing }), second)).toBe(false);
    expect(isUnlocked(course, progress({ first: passed }), second)).toBe(true);
  });

  it('does not relock after a regression', () => {
    expect(isUnlocked(course, progress({ first: regressed }), second)).toBe(true);
  });
});

describe('taskState', () => {
  it('is open, failing, passed or regressed for a task that needs nothing', () => {
    expect(taskState(course, progress({}), free)).toBe('open');
    expect(taskState(course, progress({ free: failing }), free)).toBe('failing');
    expect(taskState(course, progress({ free: passed }), free)).toBe('passed');
    expect(taskState(course, progress({ free: regressed }), free)).toBe('regressed');
  });

  it('is locked until the chain before it is complete', () => {
    expect(taskState(course, progress({}), second)).toBe('locked');
    expect(taskState(course, progress({}), third)).toBe('locked');
    expect(taskState(course, progress({ first: passed }), second)).toBe('open');
    expect(taskState(course, progress({ first: passed }), third)).toBe('locked');
  });

  it('shows a task passed out of order (checked by name) as passed, not locked', () => {
    expect(taskState(course, progress({ third: passed }), third)).toBe('passed');
    expect(taskState(course, progress({ third: regressed }), third)).toBe('regressed');
  });

  it('shows a locked task that was checked and failed as locked', () => {
    expect(taskState(course, progress({ second: failing }), second)).toBe('locked');
  });
});
