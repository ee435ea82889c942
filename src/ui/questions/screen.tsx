// Which question screen the state names, drawn (app/App.tsx asks here before its own screens).
import type { ReactNode } from 'react';
import { latestAnswer } from '../../progress/answers.js';
import { findTask } from '../app/course.js';
import type { Action, UiState } from '../app/state.js';
import type { TutorServices } from '../services.js';
import AnswerScreen from './AnswerScreen.js';
import ChecklistScreen from './ChecklistScreen.js';
import FeedbackScreen from './FeedbackScreen.js';
import QuestionsScreen from './QuestionsScreen.js';
import ReviewScreen from './ReviewScreen.js';
import { findQuestion } from './reducer.js';

/** The question screen for `state`, or undefined when another screen is on. */
export function questionScreen(
  state: UiState,
  services: Pick<TutorServices, 'course'>,
  width: number,
  /** Rows of the screen: the frame less the footer and a notice. */
  screenHeight: number,
  dispatch: (action: Action) => void,
): ReactNode | undefined {
  const { course } = services;
  const height = Math.max(1, screenHeight);
  const screen = state.screen;
  switch (screen.screen) {
    case 'questions': {
      const task = findTask(course, screen.taskId);
      return task ? (
        <QuestionsScreen
          course={course}
          task={task}
          progress={state.progress}
          cursor={state.questionCursor ?? 0}
          width={width}
        />
      ) : undefined;
    }
    case 'answer': {
      const found = findQuestion(course, screen.questionId);
      return found ? (
        <AnswerScreen
          // A fresh input per question: the draft starts from that question's last answer.
          key={found.question.id}
          task={found.task}
          question={found.question}
          initialValue={
            state.drafts?.[found.question.id] ??
            latestAnswer(state.progress, found.question.id)?.text ??
            ''
          }
          width={width}
          onSubmit={(text) =>
            dispatch({
              type: 'submit-answer',
              questionId: found.question.id,
              text,
              at: new Date().toISOString(),
            })
          }
        />
      ) : undefined;
    }
    case 'feedback': {
      const found = findQuestion(course, screen.questionId);
      return found ? (
        <FeedbackScreen
          course={course}
          question={found.question}
          progress={state.progress}
          scroll={state.answerScroll ?? 0}
          height={height}
          width={width}
        />
      ) : undefined;
    }
    case 'review':
      return (
        <ReviewScreen
          course={course}
          progress={state.progress}
          cursor={state.questionCursor ?? 0}
          width={width}
          height={height}
        />
      );
    case 'checklist':
      return <ChecklistScreen course={course} state={state} width={width} />;
    default:
      return undefined;
  }
}
