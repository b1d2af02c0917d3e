import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { FONT_FILES } from '../draw/fonts.js';

const require = createRequire(import.meta.url);

let cached: string | undefined;

/**
 * What a rendered document's bytes depend on besides its job: this reporter's version, pdfkit's,
 * and the font files. Part of every cache key, so a new renderer never serves an old one's PDFs.
 * Bump the reporter's version when its drawing changes.
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
  hash.update(`reporter ${own.version}\npdfkit ${pdfkit.version}\n`);
  for (const style of Object.keys(FONT_FILES).sort()) {
    hash.update(`${style}\n`);
    hash.update(readFileSync(FONT_FILES[style as keyof typeof FONT_FILES]));
  }
  cached = `reporter@${own.version}+${hash.digest('hex').slice(0, 16)}`;
  return cached;
};
