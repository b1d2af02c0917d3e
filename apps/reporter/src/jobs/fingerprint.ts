import { createHash, type Hash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FONT_FILES } from '../draw/fonts.js';

const require = createRequire(import.meta.url);

/** Code files (built JavaScript, or TypeScript sources under ts-jest/swc); not maps or declarations. */
const isCode = (name: string): boolean =>
  /\.(?:js|mjs|cjs|ts)$/.test(name) && !name.endsWith('.d.ts') && !/\.spec\.[jt]s$/.test(name);

const hashCodeIn = (hash: Hash, root: string): void => {
  const walk = (folder: string): void => {
    const entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
    );
    for (const entry of entries) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && isCode(entry.name)) {
        hash.update(`${relative(root, path)}\n`);
        hash.update(readFileSync(path));
      }
    }
  };
  walk(root);
};

/**
 * The hash of every code file under `folders`, in a fixed order: it changes when any file's
 * name or content does. Exported for its test.
 */
export const codeFingerprint = (folders: readonly string[]): string => {
  const hash = createHash('sha256');
  for (const folder of folders) if (existsSync(folder)) hashCodeIn(hash, folder);
  return hash.digest('hex');
};

/**
 * The folder holding a workspace package's entry point, found as Node finds the package (the
 * nearest node_modules up from `from`): its `exports` allow `import` only, so require.resolve
 * cannot name it. Null when it is not installed there.
 */
const packageCodeFolder = (name: string, from: string): string | null => {
  for (let folder = from; ; folder = dirname(folder)) {
    const manifest = join(folder, 'node_modules', name, 'package.json');
    if (existsSync(manifest)) {
      const { main } = JSON.parse(readFileSync(manifest, 'utf8')) as { main?: string };
      return dirname(realpathSync(join(dirname(manifest), main ?? 'index.js')));
    }
    if (dirname(folder) === folder) return null;
  }
};

let cached: string | undefined;

/**
 * What a rendered document's bytes depend on besides its job: this reporter's code (every file
 * of the folder it runs from), the domain's code (the notices, numbering and wording it calls),
 * pdfkit's and pdf-lib's versions (pdf-lib writes merged packs) and the font files. Part of every cache key, so a changed renderer never
 * serves an older one's PDFs, whether or not anyone bumped a version.
 */
export const rendererFingerprint = (): string => {
  if (cached !== undefined) return cached;
  const hash = createHash('sha256');
  const own = require('../../package.json') as { version: string };
  // pdfkit's `exports` hide its package.json: read it beside the entry point it resolves to.
  let folder = dirname(require.resolve('pdfkit'));
  while (!folder.endsWith('pdfkit') && dirname(folder) !== folder) folder = dirname(folder);
  const pdfkit = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as {
    version: string;
  };
  const pdfLib = require('pdf-lib/package.json') as { version: string };
  hash.update(`reporter ${own.version}\npdfkit ${pdfkit.version}\npdf-lib ${pdfLib.version}\n`);
  // This file is <code root>/jobs/fingerprint.{js,ts}; the domain's entry is <its root>/index.js.
  const reporterCode = dirname(dirname(fileURLToPath(import.meta.url)));
  const domainCode = packageCodeFolder('@scrutineer/domain', reporterCode);
  hash.update(
    `code ${codeFingerprint(domainCode ? [reporterCode, domainCode] : [reporterCode])}\n`,
  );
  for (const style of Object.keys(FONT_FILES).sort()) {
    hash.update(`${style}\n`);
    hash.update(readFileSync(FONT_FILES[style as keyof typeof FONT_FILES]));
  }
  cached = `reporter@${own.version}+${hash.digest('hex').slice(0, 16)}`;
  return cached;
};
