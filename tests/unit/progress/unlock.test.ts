import { describe, expect, it } from 'vitest';
import type { Course, TaskLesson } from '../../../src/lessons/types.js';
import type { TaskProgress, WorkspaceProgress } from '../../../src/progress/types.js';
import {
  checksPassed,
  isComplete,
  isUnlocked,
  prerequisite,
  taskState,
} from '../../../src/progress/unlock.js';

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
  checklist: [],
  workspaceFiles: {},
};
const [first, second, third, free] = tasks as [TaskLesson, TaskLesson, TaskLesson, TaskLesson];

// A task with two questions, and one that requires it.
const asked: TaskLesson = {
  ...fakeTask('asked', null),
  questions: [
    {
      id: 'q1',
      prompt: 'What is the first question?',
      long: false,
      modelAnswer: 'm',
      keyIdeas: [],
    },
    {
      id: 'q2',
      prompt: 'What is the second question?',
      long: false,
      modelAnswer: 'm',
      keyIdeas: [],
    },
  ],
};
const after = fakeTask('after', 'asked');
const withAsked: Course = { ...course, lessons: [asked, after], tasks: [asked, after] };

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

describe('checksPassed', () => {
  it('is true once the task has passed, whatever happened since', () => {
    expect(checksPassed(undefined)).toBe(false);
    expect(checksPassed(failing)).toBe(false);
    expect(checksPassed(passed)).toBe(true);
    expect(checksPassed(regressed)).toBe(true);
  });
});

describe('isComplete', () => {
  const context = asked.questions;
  it('is the checks passed for a task without questions', () => {
    expect(isComplete(progress({}), first, [])).toBe(false);
    expect(isComplete(progress({ first: failing }), first, [])).toBe(false);
    expect(isComplete(progress({ first: passed }), first, [])).toBe(true);
    expect(isComplete(progress({ first: regressed }), first, [])).toBe(true);
  });

  it('needs every question answered with an answer the gate accepted', () => {
    const answer = (text: string) => [{ text, at: '2026-11-28T12:00:00Z', gated: true }];
    expect(isComplete(progress({ asked: passed }), asked, context)).toBe(false);
    const one = { q1: answer('It saturates because σ flattens out for large |z|.') };
    expect(isComplete({ tasks: { asked: passed }, answers: one }, asked, context)).toBe(false);
    const both = { ...one, q2: answer('The slope goes to zero, so the gradient vanishes.') };
    expect(isComplete({ tasks: { asked: passed }, answers: both }, asked, context)).toBe(true);
    expect(isComplete({ tasks: { asked: failing }, answers: both }, asked, context)).toBe(false);
    // An answer from before the gate, in a task not complete by the rule then (q1 came after
    // the gate): judged now, and `x` or the prompt copied back does not count.
    const legacy = (text: string) => [{ text, at: '2026-11-28T12:00:00Z' }];
    const judged = (text: string) =>
      isComplete(
        { tasks: { asked: passed }, answers: { ...one, q2: legacy(text) } },
        asked,
        context,
      );
    expect(judged('x')).toBe(false);
    expect(judged('What is the second question?')).toBe(false);
    expect(judged('The slope goes to zero, so the gradient vanishes.')).toBe(true);
  });

  it('keeps a task complete that was complete by the rule before the gate', () => {
    // Recorded before the gate (no `gated`): then any answer but a blank or the prompt counted.
    const legacy = (text: string) => [{ text, at: '2026-11-28T12:00:00Z' }];
    const before = { q1: legacy('x'), q2: legacy('because') };
    expect(isComplete({ tasks: { asked: passed }, answers: before }, asked, context)).toBe(true);
    expect(
      isComplete(
        { tasks: { asked: passed }, answers: { ...before, q2: legacy('  ') } },
        asked,
        context,
      ),
    ).toBe(false);
    expect(isComplete({ tasks: { asked: failing }, answers: before }, asked, context)).toBe(false);
  });
});

describe('a question added to a task the student had completed (grad-shape)', () => {
  const question = (id: string) => ({
    id,
    prompt: `Question ${id}?`,
    long: false,
    modelAnswer: 'm',
    keyIdeas: [],
  });
  const lossAndGrad: TaskLesson = {
    ...fakeTask('loss-and-grad', null),
    questions: [
      question('gradient-derivation'),
      { ...question('grad-shape'), oneLine: true },
      question('labels-zero-one'),
    ],
  };
  const numerical = fakeTask('numerical-grad', 'loss-and-grad');
  const lab: Course = {
    ...course,
    lessons: [lossAndGrad, numerical],
    tasks: [lossAndGrad, numerical],
  };
  const at = '2026-11-28T12:00:00Z';

  it('does not lock the next task again for a student who was past it', () => {
    const past: WorkspaceProgress = {
      tasks: { 'loss-and-grad': passed },
      answers: {
        'gradient-derivation': [{ text: 'dL/dw = Xᵀ(p − y)/n by the chain rule.', at }],
        'labels-zero-one': [{ text: 'The labels pick one of the two log terms.', at }],
      },
    };
    expect(isUnlocked(lab, past, numerical)).toBe(true);
    expect(taskState(lab, past, numerical)).toBe('open');
  });

  it('asks it of a student who answers after the gate', () => {
    const now: WorkspaceProgress = {
      tasks: { 'loss-and-grad': passed },
      answers: {
        'gradient-derivation': [
          { text: 'By the chain rule the gradient is Xᵀ(p − y)/n, averaged.', at, gated: true },
        ],
        'labels-zero-one': [
          { text: 'The labels pick one of the two log terms for each example.', at, gated: true },
        ],
      },
    };
    expect(isUnlocked(lab, now, numerical)).toBe(false);
    const answered = {
      ...now,
      answers: {
        ...now.answers,
        'grad-shape': [{ text: 'It has shape (d,), the same as w.', at, gated: true }],
      },
    };
    expect(isUnlocked(lab, answered, numerical)).toBe(true);
  });
});

describe('unlocking with questions', () => {
  const answered = {
    q1: [{ text: 'It saturates because σ flattens out for large |z|.', at: 'x', gated: true }],
    q2: [{ text: 'The slope goes to zero, so the gradient vanishes.', at: 'x', gated: true }],
  };
  it('opens the next task only once the questions are answered too', () => {
    expect(isUnlocked(withAsked, { tasks: { asked: passed } }, after)).toBe(false);
    expect(taskState(withAsked, { tasks: { asked: passed } }, after)).toBe('locked');
    expect(isUnlocked(withAsked, { tasks: { asked: passed }, answers: answered }, after)).toBe(
      true,
    );
  });

  it('does not relock a task the student already worked on while the rule was checks only', () => {
    const worked = { tasks: { asked: passed, after: failing } };
    expect(isUnlocked(withAsked, worked, after)).toBe(true);
    expect(taskState(withAsked, worked, after)).toBe('failing');
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
