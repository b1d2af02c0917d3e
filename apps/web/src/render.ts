/** Nunjucks with govuk-frontend's own templates and macros (docs/adr, "Nunjucks for the public site"). */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import nunjucks from 'nunjucks';
import { describeExemption, printedListLabel, type ListStyle } from '@scrutineer/domain';
import { blocksHtml } from './blocks.js';
import { date, formatBytes } from './format.js';

const here = dirname(fileURLToPath(import.meta.url));
/** apps/web/views, from src/ (tests) and dist/ (the build) alike. */
export const VIEWS = join(here, '..', 'views');
/** govuk-frontend's dist folder: its templates, compiled CSS and JS, and images. */
export const GOVUK_DIST = join(
  dirname(createRequire(import.meta.url).resolve('govuk-frontend/package.json')),
  'dist',
);

export const createRenderer = (): nunjucks.Environment => {
  const env = new nunjucks.Environment(
    new nunjucks.FileSystemLoader([VIEWS, GOVUK_DIST], { noCache: false }),
    {
      autoescape: true,
      throwOnUndefined: false,
    },
  );
  env.addFilter('date', (value: string, withDay?: boolean) =>
    value ? date(value, withDay === true) : '',
  );
  env.addFilter('words', (value: string) =>
    value ? value.charAt(0).toUpperCase() + value.slice(1).replace(/-/g, ' ') : '',
  );
  // Recommendations print their labels as the documents do (the domain's rule): a), (i), 1.
  env.addFilter('listLabel', (style: ListStyle, position: number) =>
    printedListLabel(style, position),
  );
  // An exempt item's notice, as the public pack prints it (the domain's words), and the
  // paragraph's statutory description.
  env.addFilter('exemptionNotice', (paragraph: number) => describeExemption(paragraph).notice);
  env.addFilter(
    'exemptionDescription',
    (paragraph: number) => describeExemption(paragraph).description,
  );
  // Plain text as the API stores it (a committee's purpose): a blank line starts a paragraph.
  env.addFilter('paragraphs', (value: string | null | undefined) =>
    (value ?? '')
      .split(/\n[ \t]*\n/)
      .map((paragraph) => paragraph.trim())
      .filter((paragraph) => paragraph !== ''),
  );
  env.addFilter('bytes', (value: number | null) => formatBytes(value));
  env.addGlobal(
    'renderBlocks',
    (blocks: unknown[], shift?: number) =>
      new nunjucks.runtime.SafeString(blocksHtml(blocks ?? [], shift ?? 1)),
  );
  return env;
};
