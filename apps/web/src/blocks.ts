/**
 * The reporter's document blocks as HTML: the same content its PDF prints, in GOV.UK Design
 * System markup. Headings move down one level under the page's own <h1>; a table's header
 * cells are <th scope="col">, a key-value block's keys <th scope="row">; a cell's fill (a RAG
 * colour) is kept, with its words, and text in the colour that reads on it.
 */
type Run = {
  readonly text: string;
  readonly style?: 'regular' | 'bold' | 'italic';
  readonly link?:
    | { readonly kind: 'dest'; readonly name: string }
    | { readonly kind: 'url'; readonly url: string };
};
type Cell = {
  readonly runs: readonly Run[];
  readonly fill?: string;
  readonly align?: 'left' | 'right' | 'center';
};
type Block =
  | { readonly kind: 'heading'; readonly level: number; readonly runs: readonly Run[] }
  | {
      readonly kind: 'paragraph';
      readonly runs: readonly Run[];
      readonly label?: string;
      readonly headingLevel?: number;
    }
  | {
      readonly kind: 'list';
      readonly items: readonly { readonly label: string; readonly runs: readonly Run[] }[];
    }
  | {
      readonly kind: 'table';
      readonly caption: string | null;
      readonly columns: readonly {
        readonly header: string;
        readonly align?: 'left' | 'right' | 'center';
      }[];
      readonly rows: readonly (readonly Cell[])[];
      readonly footerRows?: readonly (readonly Cell[])[];
    }
  | {
      readonly kind: 'key-value';
      readonly rows: readonly { readonly key: string; readonly value: readonly Run[] }[];
    }
  | { readonly kind: 'notice'; readonly title: string; readonly runs: readonly Run[] }
  | { readonly kind: 'image'; readonly alt: string }
  | { readonly kind: 'signature'; readonly lines: readonly string[] }
  | { readonly kind: 'spacer' }
  | { readonly kind: 'page-break' };

export const escapeHtml = (text: string): string =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

const lines = (text: string): string => escapeHtml(text).replace(/\n/g, '<br>');

const run = (r: Run): string => {
  let html = lines(r.text);
  if (r.style === 'bold') html = `<strong>${html}</strong>`;
  if (r.style === 'italic') html = `<em>${html}</em>`;
  if (r.link?.kind === 'url' && /^(https?:|mailto:|tel:)/i.test(r.link.url))
    html = `<a class="govuk-link" href="${escapeHtml(r.link.url)}">${html}</a>`;
  return html;
};
const runs = (rs: readonly Run[]): string => rs.map(run).join('');

/** Relative luminance of `#RRGGBB` (WCAG 2.1). */
const luminance = (hex: string): number => {
  const channel = (i: number): number => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
};
/** Black or white, whichever contrasts more with the fill. */
export const textOn = (fill: string): string => {
  const l = luminance(fill);
  return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? '#0b0c0c' : '#ffffff';
};

const alignClass = (align: string | undefined): string =>
  align === 'right'
    ? ' govuk-table__cell--numeric'
    : align === 'center'
      ? ' app-table__cell--centre'
      : '';

const cell = (c: Cell, align: string | undefined): string => {
  const fill =
    c.fill && /^#[0-9A-Fa-f]{6}$/.test(c.fill)
      ? ` style="background-color:${c.fill};color:${textOn(c.fill)}"`
      : '';
  return `<td class="govuk-table__cell${alignClass(c.align ?? align)}"${fill}>${runs(c.runs)}</td>`;
};

const heading = (level: number, html: string, shift: number): string => {
  const n = Math.min(6, Math.max(2, level + shift));
  const size = n === 2 ? 'l' : n === 3 ? 'm' : 's';
  return `<h${n} class="govuk-heading-${size}">${html}</h${n}>`;
};

const block = (b: Block, shift: number): string => {
  switch (b.kind) {
    case 'heading':
      return heading(b.level, runs(b.runs), shift);
    case 'paragraph': {
      if (b.headingLevel !== undefined) return heading(b.headingLevel, runs(b.runs), shift);
      const label = b.label ? `<span class="app-label">${escapeHtml(b.label)}</span> ` : '';
      return `<p class="govuk-body">${label}${runs(b.runs)}</p>`;
    }
    case 'list':
      return `<ul class="govuk-list app-labelled-list">${b.items
        .map(
          (i) =>
            `<li><span class="app-label">${escapeHtml(i.label)}</span> <span>${runs(i.runs)}</span></li>`,
        )
        .join('')}</ul>`;
    case 'table': {
      const caption = b.caption
        ? `<caption class="govuk-table__caption govuk-table__caption--s">${escapeHtml(b.caption)}</caption>`
        : '';
      const head = `<thead class="govuk-table__head"><tr class="govuk-table__row">${b.columns
        .map(
          (c) =>
            `<th scope="col" class="govuk-table__header${alignClass(c.align).replace('cell', 'header')}">${escapeHtml(c.header)}</th>`,
        )
        .join('')}</tr></thead>`;
      const row = (cells: readonly Cell[]): string =>
        `<tr class="govuk-table__row">${cells.map((c, i) => cell(c, b.columns[i]?.align)).join('')}</tr>`;
      const body = `<tbody class="govuk-table__body">${b.rows.map(row).join('')}</tbody>`;
      const foot = b.footerRows?.length
        ? `<tfoot class="app-table__foot">${b.footerRows.map(row).join('')}</tfoot>`
        : '';
      const label = escapeHtml(b.caption ?? 'Table');
      return `<div class="app-table-wrap" role="region" aria-label="${label}" tabindex="0"><table class="govuk-table">${caption}${head}${body}${foot}</table></div>`;
    }
    case 'key-value':
      return `<dl class="govuk-summary-list">${b.rows
        .map(
          (r) =>
            `<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">${escapeHtml(r.key)}</dt><dd class="govuk-summary-list__value">${runs(r.value)}</dd></div>`,
        )
        .join('')}</dl>`;
    case 'notice':
      return `<div class="govuk-inset-text"><p class="govuk-body"><strong>${escapeHtml(b.title)}</strong></p><p class="govuk-body">${runs(b.runs)}</p></div>`;
    case 'image':
      return `<p class="govuk-body">${escapeHtml(b.alt)}</p>`;
    case 'signature':
      return `<p class="govuk-body">${b.lines.map(escapeHtml).join('<br>')}</p>`;
    default:
      return '';
  }
};

/** The blocks as HTML; `shift` moves every heading down (1: the model's H1 becomes an H2). */
export const blocksHtml = (blocks: readonly unknown[], shift = 1): string =>
  (blocks as readonly Block[]).map((b) => block(b, shift)).join('\n');
