import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { editorCommand, openInEditor } from '../../../src/engine/editor.js';

const dir = mkdtempSync(path.join(tmpdir(), 'logreg-editor-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('editorCommand', () => {
  it('prefers $VISUAL, then $EDITOR, then nano or vi on the PATH', () => {
    expect(editorCommand({ VISUAL: 'code --wait', EDITOR: 'vim', PATH: '' })).toBe('code --wait');
    expect(editorCommand({ VISUAL: ' ', EDITOR: 'vim', PATH: '' })).toBe('vim');
    expect(editorCommand({ PATH: '' })).toBeUndefined();
  });
});

describe('openInEditor', () => {
  it('runs the editor command on the file, through the shell, and waits for it', async () => {
    const file = path.join(dir, "01 it's.ts");
    writeFileSync(file, 'export {};\n');
    // An "editor" that appends a line: the file name arrives as one argument, spaces and all.
    await openInEditor(file, { ...process.env, EDITOR: "printf '// edited\\n' >>", VISUAL: '' });
    expect(readFileSync(file, 'utf8')).toBe('export {};\n// edited\n');
  });

  it('says what to do when no editor is set or it cannot be started', async () => {
    await expect(openInEditor(path.join(dir, 'x.ts'), { PATH: '' })).rejects.toThrow(
      /No editor found: set \$EDITOR/,
    );
    await expect(
      openInEditor(path.join(dir, 'x.ts'), {
        PATH: process.env.PATH,
        EDITOR: 'no-such-editor-here',
      }),
    ).rejects.toThrow(/Failed to start the editor `no-such-editor-here`: command not found/);
  });
});
