// run-tui.tsx turns colour on and off by setting the level of the chalk it imports: that only
// works while it is the very chalk Ink draws with, which an upgrade of either could break.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);

describe("the tutor's chalk", () => {
  it('is the copy Ink imports', () => {
    const ours = require.resolve('chalk');
    const inks = createRequire(require.resolve('ink')).resolve('chalk');
    expect(inks).toBe(ours);
  });
});
