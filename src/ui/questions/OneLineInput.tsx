// A one-line answer (a checkpoint such as the shape of grad) typed in ink-text-input, the
// library's own single-line input: Enter submits. A paste's line breaks become spaces and the
// terminal's bracketed-paste markers (run-tui.tsx turns them on) are not part of the answer.
import { Box, Text } from 'ink';
import TextInput from 'ink-text-input';
import { useEffect, useState } from 'react';

type Props = {
  /** The text the input starts with (the last answer or draft). */
  readonly initialValue: string;
  /** Shown dimmed while the input is empty. */
  readonly placeholder?: string;
  /** A dim line above the input, shown once keys reach it. */
  readonly label?: string;
  /** Called with the text when Enter submits it. */
  readonly onSubmit: (text: string) => void;
};

// Ink hands the input the markers as `[200~` and `[201~`, without their escape.
const pasteMarker = /\[20[01]~/;

/** The text as one line: paste markers dropped, line breaks turned into spaces. */
export function oneLine(text: string): string {
  return text
    .replaceAll('[200~', '')
    .replaceAll('[201~', '')
    .replace(/\r\n?|\n/g, ' ');
}

export default function OneLineInput({ initialValue, placeholder = '', label, onSubmit }: Props) {
  const [value, setValue] = useState(oneLine(initialValue));
  // TextInput keeps its cursor as of its last render too, so after a paste (a chunk of three
  // keys) the cursor would sit where the closing marker left it: a fresh TextInput, which starts
  // with its cursor at the end, takes over after each paste.
  const [pastes, setPastes] = useState(0);
  // Runs after the effects of the TextInput of this paste (a child's run first), so the label
  // shows only while a TextInput listens for keys (tests wait for it before typing).
  const [listeningSince, setListeningSince] = useState(-1);
  useEffect(() => setListeningSince(pastes), [pastes]);
  const listening = listeningSince === pastes;
  return (
    <Box flexDirection="column">
      {label !== undefined ? <Text dimColor>{listening ? label : ' '}</Text> : null}
      <TextInput
        key={pastes}
        value={value}
        placeholder={placeholder}
        // A marker arrives as a key of its own, in the same chunk as the paste, and TextInput
        // builds each change on the value of its last render: taken as a change, the closing
        // marker would undo the paste before it. It changes nothing, so it is dropped.
        onChange={(next) => {
          if (!pasteMarker.test(next) || oneLine(next) !== oneLine(value)) setValue(oneLine(next));
          else setPastes((count) => count + 1);
        }}
        onSubmit={(text) => onSubmit(oneLine(text).trim())}
      />
    </Box>
  );
}
