import { describe, expect, it } from 'vitest';
import { actionFor, footerItems } from '../../../../src/ui/app/keymap.js';
import { reduce } from '../../../../src/ui/app/reducer.js';
import { initialState, type UiState, type View } from '../../../../src/ui/app/state.js';
import { fakeCourseWithQuestions } from '../../../helpers/fake-services.js';

const course = fakeCourseWithQuestions();
const view: View = { page: 10, maxScroll: 5, overlayPage: 1, overlayMax: 0, tooSmall: false };
const onSigmoid = (): UiState => ({
  ...initialState(course, { tasks: {} }, false),
  screen: { screen: 'task', id: 'sigmoid' },
  cursor: 1,
});

describe('the questions reducer', () => {
  it('a on a task opens its questions; Enter types an answer; Esc and b step back', () => {
    let state = reduce(onSigmoid(), { type: 'questions' }, course).state;
    expect(state.screen).toEqual({ screen: 'questions', taskId: 'sigmoid' });
    state = reduce(state, { type: 'open-question', how: 'type' }, course).state;
    expect(state.screen).toEqual({
      screen: 'answer',
      questionId: 'sigmoid-why',
      from: 'questions',
    });
    state = reduce(state, { type: 'leave' }, course).state;
    expect(state.screen).toEqual({ screen: 'questions', taskId: 'sigmoid' });
    state = reduce(state, { type: 'leave' }, course).state;
    expect(state.screen).toEqual({ screen: 'task', id: 'sigmoid' });
  });

  it('says so on a task without questions', () => {
    const state = { ...onSigmoid(), screen: { screen: 'task', id: 'loss-and-grad' } as const };
    expect(reduce(state, { type: 'questions' }, course).state.notice).toBe(
      'loss-and-grad has no questions.',
    );
  });

  it('submitting saves (an effect) and shows the feedback; a blank answer stays with a notice', () => {
    const answering: UiState = {
      ...onSigmoid(),
      screen: { screen: 'answer', questionId: 'sigmoid-why', from: 'questions' },
    };
    const blank = reduce(
      answering,
      { type: 'submit-answer', questionId: 'sigmoid-why', text: ' \n' },
      course,
    );
    expect(blank.effects).toEqual([]);
    expect(blank.state.screen.screen).toBe('answer');
    expect(blank.state.notice).toMatch(/empty/);
    const saved = reduce(
      answering,
      { type: 'submit-answer', questionId: 'sigmoid-why', text: 'It goes flat.' },
      course,
    );
    expect(saved.effects).toEqual([
      { type: 'save-answer', questionId: 'sigmoid-why', text: 'It goes flat.' },
    ]);
    expect(saved.state.screen).toEqual({
      screen: 'feedback',
      questionId: 'sigmoid-why',
      from: 'questions',
    });
  });

  it('e writes the answer in the editor; what comes back is submitted', () => {
    const listing: UiState = { ...onSigmoid(), screen: { screen: 'questions', taskId: 'sigmoid' } };
    const opened = reduce(listing, { type: 'answer-in-editor' }, course);
    expect(opened.effects).toEqual([{ type: 'edit-answer', questionId: 'sigmoid-why' }]);
    expect(opened.state.editing).toBe('answers/sigmoid-why.md');
    const back = reduce(
      opened.state,
      { type: 'answer-edited', questionId: 'sigmoid-why', text: 'It goes flat at both ends.' },
      course,
    );
    expect(back.state.editing).toBeUndefined();
    expect(back.effects).toEqual([
      { type: 'save-answer', questionId: 'sigmoid-why', text: 'It goes flat at both ends.' },
    ]);
    // A file the gate refuses is kept as the draft; nothing is saved.
    const refused = reduce(
      opened.state,
      { type: 'answer-edited', questionId: 'sigmoid-why', text: 'x' },
      course,
    );
    expect(refused.effects).toEqual([]);
    expect(refused.state.notice).toMatch(/^Not recorded: /);
    expect(refused.state.drafts).toEqual({ 'sigmoid-why': 'x' });
    const failed = reduce(
      opened.state,
      { type: 'answer-edited', questionId: 'sigmoid-why', error: 'No editor.' },
      course,
    );
    expect(failed.state.notice).toBe('No editor.');
  });

  it('the review lists every question; Enter reads an answered one, types an unanswered one', () => {
    let state = reduce(
      initialState(
        course,
        { tasks: {}, answers: { 'sigmoid-why': [{ text: 'Flat.', at: 'x' }] } },
        false,
      ),
      { type: 'review' },
      course,
    ).state;
    expect(state.screen).toEqual({ screen: 'review' });
    expect(reduce(state, { type: 'open-question', how: 'read' }, course).state.screen).toEqual({
      screen: 'feedback',
      questionId: 'sigmoid-why',
      from: 'review',
    });
    state = reduce(state, { type: 'list-move', by: 5 }, course).state;
    expect(state.questionCursor).toBe(1);
    expect(reduce(state, { type: 'open-question', how: 'read' }, course).state.screen).toEqual({
      screen: 'answer',
      questionId: 'bce-derivation',
      from: 'review',
    });
  });

  it('the checklist runs the checks on opening and collects this run’s results', () => {
    const opened = reduce(
      initialState(course, { tasks: {} }, false),
      { type: 'checklist' },
      course,
    );
    expect(opened.effects).toEqual([{ type: 'run-checklist' }]);
    const started = reduce(opened.state, { type: 'checklist-started', at: 1 }, course).state;
    expect(started.checklist).toEqual({ running: true, startedAt: 1, results: {} });
    const done = reduce(started, { type: 'checklist-finished' }, course).state;
    expect(done.checklist?.running).toBe(false);
  });
});

describe('the keymap on the question screens', () => {
  it('leaves letters to the input while typing: only Esc does something', () => {
    const state: UiState = {
      ...onSigmoid(),
      screen: { screen: 'answer', questionId: 'sigmoid-why', from: 'questions' },
    };
    for (const key of ['q', 'a', 'e', 'b', 'v', '?', 'enter'])
      expect(actionFor(state, key, view, course)).toBeUndefined();
    expect(actionFor(state, 'esc', view, course)).toEqual({ type: 'leave' });
    expect(actionFor(state, 'ctrl+c', view, course)).toEqual({ type: 'quit' });
    expect(footerItems(state, view, course)).toEqual(['Enter submit', 'Esc cancel']);
  });

  it('offers a on a task with questions, v and c on the map', () => {
    expect(footerItems(onSigmoid(), view, course)).toContain('a answer');
    const map = initialState(course, { tasks: {} }, false);
    expect(actionFor(map, 'v', view, course)).toEqual({ type: 'review' });
    expect(actionFor(map, 'c', view, course)).toEqual({ type: 'checklist' });
  });
});

describe('self-marks', () => {
  it('1–9 on an answer cycle its idea: covered, not covered, disagree, none', () => {
    const at = '2026-11-28T12:00:00.000Z';
    let state: UiState = {
      ...initialState(
        course,
        { tasks: {}, answers: { 'sigmoid-why': [{ text: 'It goes flat.', at, gated: true }] } },
        false,
      ),
      screen: { screen: 'feedback', questionId: 'sigmoid-why', from: 'questions' },
    };
    const marks: unknown[] = [];
    for (let press = 0; press < 4; press++) {
      const update = reduce(state, { type: 'mark-idea', index: 1, at }, course);
      state = update.state;
      marks.push(state.progress.selfMarks?.['sigmoid-why']?.vanish?.mark);
      expect(update.effects).toEqual([
        { type: 'mark-idea', questionId: 'sigmoid-why', ideaId: 'vanish', mark: marks.at(-1) },
      ]);
    }
    expect(marks).toEqual(['covered', 'not-covered', 'disagree', undefined]);
    // No idea 9, and nothing to mark on another screen.
    expect(reduce(state, { type: 'mark-idea', index: 8, at }, course).effects).toEqual([]);
    const listing = { ...state, screen: { screen: 'review' } as const };
    expect(reduce(listing, { type: 'mark-idea', index: 0, at }, course).effects).toEqual([]);
  });
});
