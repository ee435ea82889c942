// Recording an answer the one way the TUI and `logreg-tutor answer` share: judged against the
// gate in the context of the other answers, then (when accepted) saved in the progress store and
// as `answers/ID.md` in the workspace; and bringing the store and the workspace's files together
// when the tutor opens a workspace (the file wins).
import path from 'node:path';
import type { Course, Question } from '../lessons/types.js';
import type { AnswerJudgement } from '../questions/judge.js';
import {
  answerFilePath,
  answerFileText,
  answerTemplate,
  readWorkspaceAnswer,
  writeAnswerFile,
} from './answer-files.js';
import { allQuestions, judge, latestAnswer, selfMarksOf, selfMarkWords } from './answers.js';
import type { ProgressStore, SelfMark, WorkspaceProgress } from './types.js';

/** What recording an answer did. */
export interface RecordedAnswer {
  readonly judgement: AnswerJudgement;
  /** The workspace's progress after it (unchanged when the answer was not accepted). */
  readonly progress: WorkspaceProgress;
  /** Set when the store has the answer but the workspace file could not be written: why. */
  readonly fileError?: string;
}

/** Where an answer is recorded: the course, the store, the workspace. */
export interface AnswerPlace {
  readonly course: Course;
  readonly store: ProgressStore;
  /** Absolute path of the workspace. */
  readonly dir: string;
}

/**
 * Judges `text` as the answer to `question` and, when the gate accepts it, records it in the
 * store and writes it to the workspace. A text not accepted changes nothing: it stays the
 * student's draft (in the input, or in their file).
 */
export async function recordAnswer(
  place: AnswerPlace,
  question: Question,
  text: string,
): Promise<RecordedAnswer> {
  const before = place.store.workspace(place.dir);
  const judgement = judge(allQuestions(place.course.tasks), before, question, text);
  if (!judgement.accepted) return { judgement, progress: before };
  const saved = await saveAnswer(place, question, text);
  return { judgement, ...saved };
}

/**
 * Saves an answer the gate accepted: a new version in the store, and `answers/ID.md` written
 * with it. The store is written first: a file that cannot be written costs the hand-in copy,
 * never the answer.
 */
export async function saveAnswer(
  place: AnswerPlace,
  question: Question,
  text: string,
): Promise<{ readonly progress: WorkspaceProgress; readonly fileError?: string }> {
  place.store.submitAnswer(place.dir, question.id, text);
  const fileError = await writeOut(place, question);
  // Read after the file is written: a mark made meanwhile is in it.
  const progress = place.store.workspace(place.dir);
  return fileError === undefined ? { progress } : { progress, fileError };
}

/** Sets the student's mark on one idea, in the store and in the answer file. */
export async function markIdea(
  place: AnswerPlace,
  question: Question,
  ideaId: string,
  mark: SelfMark | undefined,
): Promise<{ readonly progress: WorkspaceProgress; readonly fileError?: string }> {
  place.store.markIdea(place.dir, question.id, ideaId, mark);
  const fileError = await writeOut(place, question);
  const progress = place.store.workspace(place.dir);
  return fileError === undefined ? { progress } : { progress, fileError };
}

// The writes of one answer file, one after the other: an answer and a mark made just after it
// would otherwise race, and the older file could be renamed over the newer one.
const fileWrites = new Map<string, Promise<unknown>>();

/**
 * Writes the latest answer, its ideas and marks to `answers/ID.md` (as the store has them when
 * the write's turn comes); the error, if any.
 */
function writeOut(place: AnswerPlace, question: Question): Promise<string | undefined> {
  const key = path.join(place.dir, answerFilePath(question.id));
  const before = fileWrites.get(key) ?? Promise.resolve();
  const write = before.then(() => writeOutNow(place, question));
  fileWrites.set(key, write);
  void write.then(() => {
    if (fileWrites.get(key) === write) fileWrites.delete(key);
  });
  return write;
}

async function writeOutNow(place: AnswerPlace, question: Question): Promise<string | undefined> {
  const progress = place.store.workspace(place.dir);
  const latest = latestAnswer(progress, question.id);
  if (!latest) return undefined;
  const judgement = judge(allQuestions(place.course.tasks), progress, question, latest.text);
  const marks = selfMarksOf(progress, question.id);
  const ideas = judgement.ideas.map((idea) => {
    const mark = marks[idea.id]?.mark;
    return {
      label: idea.label,
      matched: idea.matched,
      mark: mark === undefined ? undefined : selfMarkWords[mark],
    };
  });
  const versions = (progress.answers?.[question.id] ?? []).map((version) => ({
    contents: answerTemplate(question.id, question.prompt, version.text),
    at: version.at,
  }));
  try {
    await writeAnswerFile(
      place.dir,
      question.id,
      answerFileText(question.id, question.prompt, latest.text, ideas),
      versions,
    );
    return undefined;
  } catch (error) {
    return `Your answer is saved in the tutor's progress, but not in the workspace: ${(error as Error).message}`;
  }
}

/** What opening a workspace found in its answer files. */
export interface AnswerSync {
  readonly progress: WorkspaceProgress;
  /** One line per file that was written out, recorded, or refused, for the student. */
  readonly notices: readonly string[];
}

/**
 * Brings the store and `answers/*.md` together: a recorded answer without a file is written out
 * (the first opening after an upgrade writes them all); a file whose answer differs from the
 * recorded one (the student edited it) wins: it goes through the gate and, accepted, is recorded
 * as a new version. Every change is said in one line.
 */
export async function syncAnswerFiles(place: AnswerPlace): Promise<AnswerSync> {
  const notices: string[] = [];
  let written = 0;
  for (const question of allQuestions(place.course.tasks)) {
    const file = answerFilePath(question.id);
    const recorded = latestAnswer(place.store.workspace(place.dir), question.id);
    let inFile: string | undefined;
    try {
      inFile = await readWorkspaceAnswer(place.dir, question.id);
    } catch (error) {
      notices.push((error as Error).message);
      continue;
    }
    if (inFile === undefined || (inFile === '' && recorded !== undefined)) {
      if (!recorded) continue;
      const error = await writeOut(place, question);
      if (error) notices.push(error);
      else written++;
      continue;
    }
    if (inFile === '' || inFile === recorded?.text) continue;
    const result = await recordAnswer(place, question, inFile);
    if (result.judgement.accepted)
      notices.push(
        recorded
          ? `${file} differs from your recorded answer: the file wins, and is recorded as your answer now.`
          : `Recorded your answer to ${question.id} from ${file}.`,
      );
    else
      notices.push(
        `${file} ${recorded ? 'differs from your recorded answer but ' : ''}is not accepted: ${result.judgement.reason}${recorded ? ' Your earlier answer stays recorded.' : ''}`,
      );
    if (result.fileError) notices.push(result.fileError);
  }
  if (written > 0)
    notices.unshift(
      `Wrote ${written === 1 ? 'your answer' : `${written} answers`} to answers/ in the workspace, so that handing in the folder hands them in.`,
    );
  return { progress: place.store.workspace(place.dir), notices };
}
