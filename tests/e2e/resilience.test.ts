// The built CLI over a damaged progress file: it is kept aside, the student is told in one line
// on stderr, and the command does its work with a fresh store.
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliSession } from '../helpers/cli.js';
import { tempDir } from '../helpers/workspace.js';

describe('a damaged progress file', () => {
  it('is moved aside with a one-line notice, and the command goes on', async () => {
    const session = cliSession();
    const workspace = path.join(tempDir('logreg-resilience-'), 'lab');
    expect((await session.run(['init', workspace])).code).toBe(0);
    writeFileSync(path.join(session.configDir, 'progress.json'), '{"workspaces": {"/x": ');

    const run = await session.run(['-w', workspace, 'hint', 'sigmoid']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Hint 1 of');
    const notices = run.stderr.split('\n').filter(Boolean);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(
      /^logreg-tutor: Your progress file could not be read .*progress\.damaged-.*\.json/,
    );
    expect(readdirSync(session.configDir).filter((name) => name.includes('damaged'))).toHaveLength(
      1,
    );

    // The fresh store works: the next hint is the second one.
    const again = await session.run(['-w', workspace, 'hint', 'sigmoid']);
    expect(again.stdout).toContain('Hint 2 of');
    expect(again.stderr).toBe('');
  });
});
