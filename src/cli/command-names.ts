/** The tutor's commands (`logreg-tutor check`, …); without one, `logreg-tutor` opens the TUI. */
export const commandNames: readonly string[] = [
  'init',
  'check',
  'hint',
  'reset',
  'plot',
  'answer',
  'run',
  'answers',
  'export',
  'help',
];
