// Lesson text as terminal rows. The markdown renderer (marked-terminal, which loads
// highlight.js and an emoji table) is loaded after the first frame, never before it: until it
// is in, lessons show as wrapped plain text.
import { colorOn } from './color-on.js';
import { wrapText } from './text.js';

type Renderer = (markdown: string, width: number) => readonly string[];

let renderer: Renderer | undefined;
let loading: Promise<void> | undefined;

/** Loads the markdown renderer once; later calls return the same promise. */
export function loadMarkdown(): Promise<void> {
  loading ??= import('../terminal/markdown.js').then((module) => {
    renderer = (markdown, width) => module.renderMarkdown(markdown, width, colorOn());
  });
  return loading;
}

/** True once lessons render as markdown. */
export function markdownLoaded(): boolean {
  return renderer !== undefined;
}

/** Rows of a lesson's markdown at `width` columns (plain text until the renderer is loaded). */
export function lessonRows(markdown: string, width: number): readonly string[] {
  return renderer ? renderer(markdown, width) : wrapText(markdown.trim(), width);
}
