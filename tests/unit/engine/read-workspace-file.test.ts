import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWorkspaceText } from '../../../src/engine/read-workspace-file.js';
import { maxBundleBytes } from '../../../src/engine/workspace-imports.js';
import { tempDir } from '../../helpers/workspace.js';

describe('readWorkspaceText', () => {
  it('reads a file of the workspace, and one reached by a link that stays inside', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, '01-sigmoid.ts'), 'export const a = 1;\n');
    symlinkSync(path.join(dir, '01-sigmoid.ts'), path.join(dir, '02-bce-loss.ts'));
    expect(readWorkspaceText(dir, '01-sigmoid.ts')).toEqual({ text: 'export const a = 1;\n' });
    expect(readWorkspaceText(dir, '02-bce-loss.ts')).toEqual({ text: 'export const a = 1;\n' });
  });

  it('never reads a link out of the workspace, a folder, a dangling link or a huge file', () => {
    const dir = tempDir();
    const outside = path.join(tempDir(), 'secret.txt');
    writeFileSync(outside, 'not yours to hand in');
    symlinkSync(outside, path.join(dir, '01-sigmoid.ts'));
    mkdirSync(path.join(dir, '02-bce-loss.ts'));
    symlinkSync(path.join(dir, 'gone.ts'), path.join(dir, '03-loss-and-grad.ts'));
    writeFileSync(path.join(dir, '04-numerical-grad.ts'), 'x'.repeat(maxBundleBytes + 1));
    expect(readWorkspaceText(dir, '01-sigmoid.ts')).toEqual({
      unread: '01-sigmoid.ts is a link out of the workspace, so it was not read.',
    });
    expect(readWorkspaceText(dir, '02-bce-loss.ts')).toEqual({
      unread: '02-bce-loss.ts is not a file.',
    });
    expect(readWorkspaceText(dir, '03-loss-and-grad.ts')).toEqual({
      unread: '03-loss-and-grad.ts is a link to nothing.',
    });
    expect(readWorkspaceText(dir, '04-numerical-grad.ts')).toEqual({
      unread: '04-numerical-grad.ts is larger than 1 MB.',
    });
    expect(readWorkspaceText(dir, '05-hvp.ts')).toEqual({
      unread: '05-hvp.ts is not in the workspace.',
    });
  });
});
