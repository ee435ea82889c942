// Stands in for cli-highlight and node-emoji inside marked-terminal, in the built tutor only
// (esbuild.config.js). The lessons have no code blocks and render with emoji off, yet
// marked-terminal loads both at its top: highlight.js with every language (~1 MB) and an emoji
// table, ~15 MB of the TUI's memory for nothing. Should a lesson gain a code block, it is drawn
// in marked-terminal's code colour (it falls back to that when highlighting throws).

/** cli-highlight's `highlight`: declines, so marked-terminal draws the code plain. */
export function highlight() {
  throw new Error('The tutor is built without syntax colouring.');
}

/** node-emoji's `get`: no emoji by that name (marked-terminal then keeps the `:name:` text). */
export function get() {
  return undefined;
}
