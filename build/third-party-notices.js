// The third-party notices shipped in dist/: the license of every package bundled into the tutor,
// listed from esbuild's metafile (the files it read), so the list is exactly what ships.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The bundled packages' folders, relative to `root`: each input under node_modules/ belongs to the
 * package folder after its last `node_modules/` (a nested copy is a package of its own).
 * @param {import('esbuild').Metafile} metafile
 * @returns {string[]}
 */
export function bundledPackageDirs(metafile) {
  const dirs = new Set();
  for (const input of Object.keys(metafile.inputs)) {
    const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (match?.[1]) dirs.add(match[1]);
  }
  return [...dirs].sort();
}

/** @param {string} dir */
function licenseText(dir) {
  const file = readdirSync(dir)
    .filter((name) => /^(licen[cs]e|copying)(\b|[.-]|$)/i.test(name))
    .sort()[0];
  return file === undefined ? undefined : readFileSync(path.join(dir, file), 'utf8').trim();
}

/**
 * The notices text: each bundled package by name and version, its license as package.json names
 * it, and the text of its license file. Sorted, so the same inputs give the same bytes.
 * @param {import('esbuild').Metafile} metafile
 * @param {string} root the folder esbuild resolved inputs from
 * @returns {string}
 */
export function thirdPartyNotices(metafile, root) {
  const packages = bundledPackageDirs(metafile).map((dir) => {
    const manifest = JSON.parse(readFileSync(path.join(root, dir, 'package.json'), 'utf8'));
    return {
      id: `${manifest.name}@${manifest.version}`,
      license: typeof manifest.license === 'string' ? manifest.license : 'unknown',
      text: licenseText(path.join(root, dir)),
    };
  });
  const unique = [...new Map(packages.map((entry) => [entry.id, entry])).values()].sort((a, b) =>
    a.id.localeCompare(b.id, 'en'),
  );
  const sections = unique.map(
    (entry) =>
      `${'-'.repeat(78)}\n${entry.id} (${entry.license})\n\n${
        entry.text ?? `The package ships no license file; its package.json says ${entry.license}.`
      }\n`,
  );
  return `logreg-tutor bundles the following ${unique.length} packages into dist/.\nTheir licenses follow.\n\n${sections.join('\n')}`;
}
