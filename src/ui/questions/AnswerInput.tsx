// A text input for answers that holds up under pastes and fast typing. ink-text-input 6 reads its
// value from the last render, so two chunks before a re-render lose the first, and it inserts a
// pasted `text\r` or `text\u007f` literally; this one keeps the draft in a ref, updated at once,
// and replays each chunk a character at a time (see text-editing.ts).
import { Box, Text, useInput } from 'ink';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { applyInput, type Draft } from './text-editing.js';

type Props = {
  /** The text the input starts with (the last answer, when editing one). */
  readonly initialValue: string;
  /** Enter adds a line, and Enter on an empty line submits (derivations); else Enter submits. */
  readonly multiline?: boolean;
  /** Shown dimmed while the input is empty. */
  readonly placeholder?: string;
  /** A dim line above the text, shown once keys reach the input. */
  readonly label?: string;
  /** Keys go to the input only while it is active. */
  readonly isActive?: boolean;
  /** Called with the whole text on every change. */
  readonly onChange?: (text: string) => void;
  /** Called with exactly the text typed or pasted when Enter submits it. */
  readonly onSubmit: (text: string) => void;
};

export default function AnswerInput({
  initialValue,
  multiline = false,
  placeholder = '',
  label,
  isActive = true,
  onChange,
  onSubmit,
}: Props) {
  const draft = useRef<Draft>({ text: initialValue, cursor: initialValue.length });
  const [shown, setShown] = useState<Draft>(draft.current);
  // Between the terminal's bracketed-paste markers (run-tui.tsx turns them on), however the paste
  // is split into chunks, its line breaks are text and do not submit.
  const pasting = useRef(false);

  useInput(
    (input, key) => {
      if (input === '[200~' || input === '[201~') {
        pasting.current = input === '[200~';
        return;
      }
      if (key.escape || key.ctrl || key.meta || key.tab || key.upArrow || key.downArrow) return;
      const before = draft.current;
      const { draft: after, submit } = applyInput(before, input, key, multiline, pasting.current);
      draft.current = after;
      if (after !== before) {
        setShown(after);
        if (after.text !== before.text) onChange?.(after.text);
      }
      if (submit) onSubmit(after.text.replace(/\n+$/, ''));
    },
    { isActive },
  );

  // Declared after useInput, so it runs after Ink has attached the key listener: the cursor and
  // placeholder appear only once keys reach the input (tests wait for them before typing).
  const [listening, setListening] = useState(false);
  useEffect(() => setListening(isActive), [isActive]);

  const { text, cursor } = shown;
  const at = text[cursor];
  let body: ReactNode;
  if (!listening) body = <Text>{text || ' '}</Text>;
  else if (text === '')
    body = (
      <Text>
        <Text inverse> </Text>
        <Text dimColor>{placeholder}</Text>
      </Text>
    );
  else
    body = (
      <Text>
        {text.slice(0, cursor)}
        <Text inverse>{at === undefined || at === '\n' ? ' ' : at}</Text>
        {at === '\n' ? '\n' : ''}
        {text.slice(cursor + 1)}
      </Text>
    );
  return (
    <Box flexDirection="column">
      {label !== undefined ? <Text dimColor>{listening ? label : ' '}</Text> : null}
      {body}
    </Box>
  );
}
