// Typing an answer: the question, and an input that takes pastes whole. Enter submits (a long
// answer: Enter on an empty line; a one-line checkpoint is typed in ink-text-input); Esc leaves
// without submitting.
import { Box, Text } from 'ink';
import type { Question, TaskLesson } from '../../lessons/types.js';
import { wrapText } from '../text.js';
import AnswerInput from './AnswerInput.js';
import OneLineInput from './OneLineInput.js';

type Props = {
  readonly task: TaskLesson;
  readonly question: Question;
  /** The last answer, to edit; empty for a first answer. */
  readonly initialValue: string;
  readonly width: number;
  readonly onSubmit: (text: string) => void;
};

export default function AnswerScreen({ task, question, initialValue, width, onSubmit }: Props) {
  return (
    <Box flexDirection="column" flexGrow={1}>
      <Text bold wrap="truncate-end">
        Answer · {task.title}
      </Text>
      <Text> </Text>
      <Text>{wrapText(question.prompt, width).join('\n')}</Text>
      <Text> </Text>
      <Box borderStyle="round" borderColor="cyan" paddingX={1} width={width}>
        {question.oneLine ? (
          <OneLineInput
            initialValue={initialValue}
            placeholder="One line: your answer, in your own words."
            label="Your answer, on one line (Enter submits)"
            onSubmit={onSubmit}
          />
        ) : (
          <AnswerInput
            initialValue={initialValue}
            multiline={question.long}
            placeholder={
              question.long
                ? 'Type line by line; Enter on an empty line submits.'
                : 'Your answer, in your own words.'
            }
            label={
              question.long
                ? 'Your answer (Enter: new line; twice: submit)'
                : 'Your answer (Enter submits)'
            }
            onSubmit={onSubmit}
          />
        )}
      </Box>
      <Text dimColor wrap="truncate-end">
        {question.long
          ? `Prefer your editor? Esc, then e writes it in answers/${question.id}.md.`
          : 'Submitting saves it (earlier versions are kept) and shows the self-check.'}
      </Text>
    </Box>
  );
}
