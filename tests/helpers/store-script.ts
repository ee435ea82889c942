// Scripts that use the progress store in node processes of their own: two tutors saving at once,
// or one running as another user.
import path from 'node:path';
import { build } from 'esbuild';
import { openToOrdinaryUser } from './ordinary-user.js';
import { tempDir } from './temp.js';

/**
 * `code` bundled with the progress store as one plain JS file (`openProgressStore` in scope), so
 * that a node process of its own can run it: two at once, or one as another user.
 */
export async function storeScript(code: string): Promise<string> {
  const dir = openToOrdinaryUser(tempDir());
  const script = path.join(dir, 'store-script.mjs');
  await build({
    stdin: {
      contents: `import { openProgressStore } from ${JSON.stringify(path.resolve('src/progress/store.ts'))};\n${code}`,
      resolveDir: dir,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: script,
    logLevel: 'silent',
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
  });
  return script;
}
