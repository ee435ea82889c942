// The question screens' reducer slice: the questions of a task, the review, answering (the gate
// decides what is recorded), the self-marks of key ideas, and the checklist's run; with the
// look-ups their keys and screens share.
import type { Course, Question, TaskLesson } from '../../lessons/types.js';
import {
  allQuestions,
  findCourseQuestion,
  judge,
  latestAnswer,
  nextSelfMark,
  selfMarksOf,
  withAnswer,
  withSelfMark,
} from '../../progress/answers.js';
import { isUnlocked } from '../../progress/unlock.js';
import { currentTask, findTask, nextTask } from '../app/course.js';
import { clamp, none, type Screen, type UiState, type Update } from '../app/state.js';
import { openLesson } from '../map/reducer.js';
import { type QuestionAction, type QuestionList, questionAnswerTypes } from './state.js';

/** A question of the course with the task it belongs to. */
export function findQuestion(
  course: Course,
  questionId: string,
): { readonly task: TaskLesson; readonly question: Question } | undefined {
  return findCourseQuestion(course.tasks, questionId);
}

/** The questions listed on the current questions or review screen, in order. */
export function listedQuestions(state: UiState, course: Course): readonly Question[] {
  const screen = listScreen(state);
  if (screen === 'review') return course.tasks.flatMap((task) => task.questions);
  if (screen === 'questions' && state.screen.screen === 'questions')
    return findTask(course, state.screen.taskId)?.questions ?? [];
  return [];
}

/** The workspace file a question's answer is written in with the editor. */
export function answerFile(questionId: string): string {
  return `answers/${questionId}.md`;
}

function listScreen(state: UiState): QuestionList | undefined {
  return state.screen.screen === 'questions' || state.screen.screen === 'review'
    ? state.screen.screen
    : undefined;
}

/** The question the action applies to: the one open, or the one selected on a list. */
function questionInFocus(state: UiState, course: Course): Question | undefined {
  if (state.screen.screen === 'answer' || state.screen.screen === 'feedback')
    return findQuestion(course, state.screen.questionId)?.question;
  return listedQuestions(state, course)[state.questionCursor ?? 0];
}

const questionActions: ReadonlySet<string> = new Set<QuestionAction['type']>([
  'questions',
  'review',
  'checklist',
  'leave',
  'list-move',
  'answer-scroll',
  'open-question',
  'retype-answer',
  'answer-in-editor',
  'mark-idea',
  'submit-answer',
  ...questionAnswerTypes,
]);

/** True for an action of this slice. */
export function isQuestionAction(action: { readonly type: string }): action is QuestionAction {
  return questionActions.has(action.type);
}

/** The reducer's slice for the questions, review and checklist screens. */
export function reduceQuestions(state: UiState, action: QuestionAction, course: Course): Update {
  const from: QuestionList = listScreen(state) ?? fromList(state);
  switch (action.type) {
    case 'questions': {
      const task = currentTask(state, course);
      if (!task) return { state, effects: none };
      if (task.questions.length === 0)
        return { state: { ...state, notice: `${task.id} has no questions.` }, effects: none };
      return {
        state: {
          ...state,
          overlay: undefined,
          screen: { screen: 'questions', taskId: task.id },
          questionCursor: 0,
        },
        effects: none,
      };
    }
    case 'review':
      return {
        state: { ...state, overlay: undefined, screen: { screen: 'review' }, questionCursor: 0 },
        effects: none,
      };
    case 'checklist':
      return {
        state: { ...state, overlay: undefined, screen: { screen: 'checklist' } },
        effects: [{ type: 'run-checklist' }],
      };
    case 'list-move': {
      const count = listedQuestions(state, course).length;
      const cursor = clamp((state.questionCursor ?? 0) + action.by, 0, count - 1);
      return { state: { ...state, questionCursor: cursor }, effects: none };
    }
    case 'answer-scroll':
      return {
        state: {
          ...state,
          answerScroll: clamp((state.answerScroll ?? 0) + action.by, 0, action.max),
        },
        effects: none,
      };
    case 'open-question': {
      const question = questionInFocus(state, course);
      if (!question) return { state, effects: none };
      const answered = latestAnswer(state.progress, question.id) !== undefined;
      const screen: Screen =
        action.how === 'read' && answered
          ? { screen: 'feedback', questionId: question.id, from }
          : { screen: 'answer', questionId: question.id, from };
      return { state: { ...state, screen, answerScroll: 0 }, effects: none };
    }
    case 'retype-answer': {
      const question = questionInFocus(state, course);
      return question
        ? {
            state: { ...state, screen: { screen: 'answer', questionId: question.id, from } },
            effects: none,
          }
        : { state, effects: none };
    }
    case 'answer-in-editor': {
      const question = questionInFocus(state, course);
      return question
        ? {
            state: { ...state, editing: answerFile(question.id) },
            effects: [{ type: 'edit-answer', questionId: question.id }],
          }
        : { state, effects: none };
    }
    case 'mark-idea':
      return markIdea(state, course, action.index, action.at);
    case 'submit-answer':
      return submitAnswer(state, course, action.questionId, action.text, from, action.at);
    case 'answer-edited': {
      const after = { ...state, editing: undefined };
      if (action.error !== undefined)
        return { state: { ...after, notice: action.error }, effects: none };
      return submitAnswer(after, course, action.questionId, action.text ?? '', from, action.at);
    }
    case 'leave':
      return { state: leave(state, course), effects: none };
    case 'checklist-started':
      return {
        state: { ...state, checklist: { running: true, startedAt: action.at, results: {} } },
        effects: none,
      };
    case 'checklist-result': {
      const run = state.checklist ?? { running: true, startedAt: Date.now(), results: {} };
      return {
        state: {
          ...state,
          progress: action.progress ?? state.progress,
          checklist: { ...run, results: { ...run.results, [action.result.taskId]: action.result } },
        },
        effects: none,
      };
    }
    case 'checklist-finished': {
      const run = state.checklist ?? { running: false, startedAt: Date.now(), results: {} };
      return {
        state: {
          ...state,
          checklist: {
            ...run,
            running: false,
            ...(action.error !== undefined ? { error: action.error } : {}),
          },
        },
        effects: none,
      };
    }
  }
}

function fromList(state: UiState): QuestionList {
  return state.screen.screen === 'answer' || state.screen.screen === 'feedback'
    ? state.screen.from
    : 'questions';
}

/**
 * Saves an answer the gate accepts and shows its review; an answer it does not accept is kept as
 * a draft, nothing is recorded, and the notice says why.
 */
function submitAnswer(
  state: UiState,
  course: Course,
  questionId: string,
  text: string,
  from: QuestionList,
  at = '',
): Update {
  const found = findQuestion(course, questionId);
  if (!found) return { state, effects: none };
  const answer = text.replace(/\s+$/, '');
  const judgement = judge(allQuestions(course.tasks), state.progress, found.question, answer);
  if (!judgement.accepted) {
    return {
      state: {
        ...state,
        drafts: { ...state.drafts, [questionId]: answer },
        notice: `Not recorded: ${judgement.reason}`,
      },
      effects: none,
    };
  }
  const { [questionId]: _accepted, ...drafts } = state.drafts ?? {};
  // The answer that completes a task opens what waited for it: say so on the feedback.
  // Shown at once; the store's record (the same answer) replaces it when it is saved.
  const after = withAnswer(state.progress, questionId, answer, at);
  const opened = course.tasks.filter(
    (other) =>
      other.requires === found.task.id &&
      !isUnlocked(course, state.progress, other) &&
      isUnlocked(course, after, other),
  );
  const notice =
    opened.length > 0
      ? `${found.task.title} is complete: ${opened.map((other) => other.title).join(', ')} is open now.`
      : undefined;
  return {
    state: {
      ...state,
      progress: after,
      drafts,
      screen: { screen: 'feedback', questionId, from },
      answerScroll: 0,
      ...(notice ? { notice } : {}),
    },
    effects: [{ type: 'save-answer', questionId, text: answer }],
  };
}

/**
 * The next self-mark of one key idea of the answer on the feedback screen: none → covered → not
 * covered → disagree → none. Shown at once; the store and the answer file follow.
 */
function markIdea(state: UiState, course: Course, index: number, at: string): Update {
  if (state.screen.screen !== 'feedback') return { state, effects: none };
  const found = findQuestion(course, state.screen.questionId);
  const idea = found?.question.keyIdeas[index];
  if (!found || !idea || !latestAnswer(state.progress, found.question.id))
    return { state, effects: none };
  const questionId = found.question.id;
  const mark = nextSelfMark(selfMarksOf(state.progress, questionId)[idea.id]?.mark);
  const progress = withSelfMark(state.progress, questionId, idea.id, mark, at);
  return {
    state: { ...state, progress },
    effects: [{ type: 'mark-idea', questionId, ideaId: idea.id, mark }],
  };
}

/** `b`/Esc on the question screens: one step back. */
function leave(state: UiState, course: Course): UiState {
  switch (state.screen.screen) {
    case 'answer':
    case 'feedback': {
      const { from, questionId } = state.screen;
      if (from === 'review') return { ...state, screen: { screen: 'review' } };
      const task = findQuestion(course, questionId)?.task;
      return task
        ? { ...state, screen: { screen: 'questions', taskId: task.id } }
        : { ...state, screen: { screen: 'map' } };
    }
    case 'questions':
      return { ...state, screen: { screen: 'task', id: state.screen.taskId } };
    case 'review':
    case 'checklist':
      return { ...state, screen: { screen: 'map' } };
    default:
      return state;
  }
}

/** `n` on a task's questions: the next task's questions, or that task when it asks none. */
export function nextQuestions(state: UiState, course: Course, taskId: string): Update {
  const task = findTask(course, taskId);
  const following = task ? nextTask(course, task) : undefined;
  if (!following)
    return { state: { ...state, notice: `${taskId} is the last task of the lab.` }, effects: none };
  const opened = openLesson(state, course, following);
  if (opened.state.screen.screen !== 'task' || following.questions.length === 0) return opened;
  return {
    state: {
      ...opened.state,
      screen: { screen: 'questions', taskId: following.id },
      questionCursor: 0,
    },
    effects: opened.effects,
  };
}
