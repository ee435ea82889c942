// The editing of a typed answer as a pure function: one chunk of input (a key, a burst of fast
// typing, or a paste) applied to the text and cursor, character by character.

/** The text being typed and where the cursor is (an index into `text`). */
export interface Draft {
  readonly text: string;
  readonly cursor: number;
}

/** What one chunk of input did: the new draft, and whether it ended with Enter (submit). */
export interface Edit {
  readonly draft: Draft;
  readonly submit: boolean;
}

/** The keys the input understands besides text (from Ink's `Key`). */
export interface EditKey {
  readonly return?: boolean;
  readonly backspace?: boolean;
  readonly delete?: boolean;
  readonly leftArrow?: boolean;
  readonly rightArrow?: boolean;
  readonly home?: boolean;
  readonly end?: boolean;
}

/**
 * Applies one chunk. Ink hands a burst of keys or a paste over as one string (`abc\r`, `x\u007f`),
 * not key by key, so the chunk is replayed here a character at a time: DEL and BS delete the
 * character before the cursor, a line break inside the chunk is part of what was pasted, and one
 * at its very end is the Enter key. With `multiline`, Enter on an empty last line submits and any
 * other Enter starts a new line. `pasting` (inside a bracketed paste) makes every line break text.
 */
export function applyInput(
  draft: Draft,
  input: string,
  key: EditKey,
  multiline: boolean,
  pasting = false,
): Edit {
  // Inside a bracketed paste every line break is the pasted text's own, never Enter.
  if (pasting && (key.return || input === '\n' || input === '\r'))
    return { draft: insert(draft, '\n'), submit: false };
  if (key.return || input === '\n') return enter(draft, multiline);
  if (key.backspace || key.delete) return { draft: backspace(draft), submit: false };
  if (key.leftArrow) return moved(draft, draft.cursor - 1);
  if (key.rightArrow) return moved(draft, draft.cursor + 1);
  if (key.home) return moved(draft, lineStart(draft));
  if (key.end) return moved(draft, lineEnd(draft));
  let current = draft;
  const text = input.replace(/\r\n/g, '\n');
  const chars = Array.from(text);
  for (const [index, char] of chars.entries()) {
    const last = index === chars.length - 1;
    if (char === '\r' || char === '\n') {
      if (last && !pasting) return enter(current, multiline);
      current = insert(current, '\n');
    } else if (char === '\u007f' || char === '\b') current = backspace(current);
    else if (char === '\t') current = insert(current, ' ');
    // Other control characters (a stray escape, Ctrl+something) are not text.
    else if (char >= ' ') current = insert(current, char);
  }
  return { draft: current, submit: false };
}

function enter(draft: Draft, multiline: boolean): Edit {
  if (!multiline) return { draft, submit: true };
  const atEnd = draft.cursor === draft.text.length;
  if (atEnd && (draft.text === '' || draft.text.endsWith('\n'))) return { draft, submit: true };
  return { draft: insert(draft, '\n'), submit: false };
}

function insert(draft: Draft, text: string): Draft {
  return {
    text: draft.text.slice(0, draft.cursor) + text + draft.text.slice(draft.cursor),
    cursor: draft.cursor + text.length,
  };
}

function backspace(draft: Draft): Draft {
  if (draft.cursor === 0) return draft;
  // A surrogate pair (an emoji, a math letter) goes as one character.
  const before = Array.from(draft.text.slice(0, draft.cursor));
  const removed = before.pop() ?? '';
  return {
    text: before.join('') + draft.text.slice(draft.cursor),
    cursor: draft.cursor - removed.length,
  };
}

function moved(draft: Draft, cursor: number): Edit {
  return {
    draft: { ...draft, cursor: Math.min(Math.max(0, cursor), draft.text.length) },
    submit: false,
  };
}

function lineStart(draft: Draft): number {
  return draft.text.lastIndexOf('\n', draft.cursor - 1) + 1;
}

function lineEnd(draft: Draft): number {
  const end = draft.text.indexOf('\n', draft.cursor);
  return end === -1 ? draft.text.length : end;
}
