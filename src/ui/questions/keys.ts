// The keys of the questions, answer, feedback, review and checklist screens; app/keymap.ts
// gathers them into the one keymap (the footer and the `?` help are drawn from there).
import type { Course } from '../../lessons/types.js';
import { type Binding, help, quit } from '../app/bindings.js';
import type { UiState } from '../app/state.js';
import { findQuestion } from './reducer.js';

/** The contexts of the question screens. */
export type QuestionContext = 'questions' | 'answer' | 'feedback' | 'review' | 'checklist';

const leave = (footer: string): Binding => ({
  keys: ['b', 'esc'],
  help: 'back',
  footer,
  action: () => ({ type: 'leave' }),
});

function listMoves(): Binding[] {
  return [
    { keys: ['up', 'k'], help: 'previous question', action: () => ({ type: 'list-move', by: -1 }) },
    {
      keys: ['down', 'j'],
      help: 'next question',
      footer: '↑↓ select',
      action: () => ({ type: 'list-move', by: 1 }),
    },
  ];
}

/** Keys 1–9: the student's own mark on the idea with that number (covered, not covered, …). */
function ideaMarks(): Binding[] {
  return Array.from({ length: 9 }, (_, index) => ({
    keys: [String(index + 1)],
    help: 'mark key idea N yourself: covered, not covered, disagree, or no mark',
    group: 'mark key idea N yourself: covered, not covered, disagree, or no mark',
    ...(index === 0 ? { footer: markFooter } : {}),
    action: () => ({ type: 'mark-idea', index, at: new Date().toISOString() }),
  }));
}

/** `1–3 mark` in the footer, for a question with three key ideas. */
function markFooter(state: UiState, course: Course): string | undefined {
  const found =
    state.screen.screen === 'feedback' ? findQuestion(course, state.screen.questionId) : undefined;
  const count = Math.min(found?.question.keyIdeas.length ?? 0, 9);
  if (count === 0) return undefined;
  return `${count > 1 ? `1–${count}` : '1'} mark ideas`;
}

const inEditor: Binding = {
  keys: ['e'],
  help: 'write the answer in $VISUAL / $EDITOR (answers/QUESTION.md in the workspace)',
  footer: 'e editor',
  action: () => ({ type: 'answer-in-editor' }),
};

/** The bindings of each question screen. */
export const questionBindings: Readonly<Record<QuestionContext, readonly Binding[]>> = {
  questions: [
    ...listMoves(),
    {
      keys: ['enter', 'a'],
      help: 'type an answer to the selected question',
      footer: 'Enter answer',
      action: () => ({ type: 'open-question', how: 'type' }),
    },
    inEditor,
    {
      keys: ['f'],
      help: 'the self-check of your last answer',
      footer: 'f feedback',
      action: () => ({ type: 'open-question', how: 'read' }),
    },
    {
      keys: ['n'],
      help: "the next task's questions (the next task, when it asks none)",
      footer: 'n next',
      action: () => ({ type: 'next' }),
    },
    leave('b back'),
    help,
    quit,
  ],
  // Letters are the answer's: only Esc (and Ctrl+C) reach the keymap while typing.
  answer: [
    {
      keys: [],
      help: 'submit (a long answer: Enter on an empty line)',
      footer: (state, course) => {
        const found =
          state.screen.screen === 'answer'
            ? findQuestion(course, state.screen.questionId)
            : undefined;
        return found?.question.long
          ? 'Enter new line · Enter on an empty line submits'
          : 'Enter submit';
      },
      action: () => undefined,
    },
    {
      keys: ['esc'],
      help: 'leave without submitting',
      footer: 'Esc cancel',
      action: () => ({ type: 'leave' }),
    },
  ],
  feedback: [
    {
      keys: ['up', 'k'],
      help: 'scroll up',
      action: (_s, view) => ({ type: 'answer-scroll', by: -1, max: view.maxScroll }),
    },
    {
      keys: ['down', 'j'],
      help: 'scroll down',
      footer: '↑↓ scroll',
      action: (_s, view) => ({ type: 'answer-scroll', by: 1, max: view.maxScroll }),
    },
    {
      keys: ['pgdn', 'space'],
      help: 'page down',
      action: (_s, view) => ({
        type: 'answer-scroll',
        by: Math.max(1, view.page - 1),
        max: view.maxScroll,
      }),
    },
    {
      keys: ['pgup'],
      help: 'page up',
      action: (_s, view) => ({
        type: 'answer-scroll',
        by: -Math.max(1, view.page - 1),
        max: view.maxScroll,
      }),
    },
    ...ideaMarks(),
    {
      keys: ['a'],
      help: 'revise your answer (typed)',
      footer: 'a revise',
      action: () => ({ type: 'retype-answer' }),
    },
    inEditor,
    leave('b back'),
    help,
    quit,
  ],
  review: [
    ...listMoves(),
    {
      keys: ['enter'],
      help: 'open the question: your answer beside the model answer (or type one)',
      footer: 'Enter open',
      action: () => ({ type: 'open-question', how: 'read' }),
    },
    {
      keys: ['a'],
      help: 'type a new answer to the selected question',
      footer: 'a answer',
      action: () => ({ type: 'open-question', how: 'type' }),
    },
    inEditor,
    leave('b back'),
    help,
    quit,
  ],
  checklist: [
    {
      keys: ['r'],
      help: 'run every check again',
      footer: (state) => (state.checklist?.running ? undefined : 'r recheck'),
      action: (state) => (state.checklist?.running ? undefined : { type: 'checklist' }),
    },
    leave('b back'),
    help,
    quit,
  ],
};
