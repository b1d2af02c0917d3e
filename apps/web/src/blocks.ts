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

/**
 * A Word attachment's converted blocks (the API's ConvertedReport, `…/documents/{docId}/converted`),
 * typed here by the shape the API sends: the domain's ConvertedBlock.
 */
type ConvertedRun = {
  readonly text: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly href?: string;
  readonly note?: string;
};
type ConvertedListItem = {
  readonly depth: number;
  readonly ordered: boolean;
  readonly runs: readonly ConvertedRun[];
};
type ConvertedBlock =
  | { readonly kind: 'heading'; readonly level: number; readonly runs: readonly ConvertedRun[] }
  | { readonly kind: 'paragraph'; readonly runs: readonly ConvertedRun[] }
  | { readonly kind: 'list'; readonly items: readonly ConvertedListItem[] }
  | {
      readonly kind: 'table';
      readonly headerRows: number;
      readonly rows: readonly (readonly {
        readonly runs: readonly ConvertedRun[];
        readonly colSpan?: number;
      }[])[];
    }
  | {
      readonly kind: 'figure';
      readonly alt: string;
      readonly image: {
        readonly mediaType: string;
        readonly data: string;
        readonly width: number;
        readonly height: number;
      } | null;
    }
  | {
      readonly kind: 'notes';
      readonly notes: readonly {
        readonly id: string;
        readonly kind: string;
        readonly label: string;
        readonly runs: readonly ConvertedRun[];
      }[];
    };

export type ConvertedHtmlOptions = {
  /** What the report's level-1 headings become: 3 under the page's h1 and the document's h2. */
  readonly topHeading: number;
  /** Makes the notes' and tables' ids unique on a page with several documents. */
  readonly idPrefix: string;
  /** Names the document in its tables' region labels. */
  readonly title: string;
};

const SAFE_LINK = /^(https?:|mailto:)/i;
const IMAGE_TYPES = new Set(['image/png', 'image/jpeg']);

/**
 * The converted blocks as HTML, in the same markup as `blocksHtml`: headings from `topHeading`
 * down, lists as nested <ol>/<ul>, tables with their header rows as <th scope="col">, figures as
 * <img> with their alt text (alt="" when the author gave none: decorative), and the notes as a
 * list, each note linking back to its mark. The conversion's warnings are for the clerk: they are
 * never given here.
 */
export const convertedBlocksHtml = (
  blocks: readonly unknown[],
  options: ConvertedHtmlOptions,
): string => {
  const noteId = (id: string): string => `${options.idPrefix}${id}`;
  const markId = (id: string): string => `${options.idPrefix}${id}-mark`;
  const marked = new Set<string>();
  const convertedRun = (r: ConvertedRun): string => {
    let html = lines(r.text);
    if (r.bold) html = `<strong>${html}</strong>`;
    if (r.italic) html = `<em>${html}</em>`;
    if (r.note !== undefined) {
      // The first mark of a note is the one its back-link returns to.
      const id = marked.has(r.note) ? '' : ` id="${escapeHtml(markId(r.note))}"`;
      marked.add(r.note);
      const what = r.note.startsWith('endnote-') ? 'Endnote' : 'Footnote';
      return `<sup><a class="govuk-link"${id} href="#${escapeHtml(noteId(r.note))}"><span class="govuk-visually-hidden">${what} </span>${html}</a></sup>`;
    }
    if (r.href !== undefined && SAFE_LINK.test(r.href))
      html = `<a class="govuk-link" href="${escapeHtml(r.href)}">${html}</a>`;
    return html;
  };
  const convertedRuns = (rs: readonly ConvertedRun[]): string => rs.map(convertedRun).join('');
  let tables = 0;

  const list = (items: readonly ConvertedListItem[]): string => {
    type Node = { item: ConvertedListItem; children: Node[] };
    const roots: Node[] = [];
    const open: Node[] = [];
    for (const item of items) {
      const depth = Math.min(item.depth, open.length);
      open.length = depth;
      const node: Node = { item, children: [] };
      (open[depth - 1]?.children ?? roots).push(node);
      open[depth] = node;
    }
    const render = (nodes: readonly Node[]): string => {
      // Siblings of one kind share a list; a change from numbered to bulleted starts another.
      const groups: Node[][] = [];
      for (const node of nodes) {
        const last = groups[groups.length - 1];
        if (last !== undefined && last[0]!.item.ordered === node.item.ordered) last.push(node);
        else groups.push([node]);
      }
      return groups
        .map((group) => {
          const tag = group[0]!.item.ordered ? 'ol' : 'ul';
          const style = group[0]!.item.ordered ? 'govuk-list--number' : 'govuk-list--bullet';
          return `<${tag} class="govuk-list ${style}">${group
            .map(
              (node) =>
                `<li>${convertedRuns(node.item.runs)}${node.children.length > 0 ? render(node.children) : ''}</li>`,
            )
            .join('')}</${tag}>`;
        })
        .join('');
    };
    return render(roots);
  };

  const table = (b: Extract<ConvertedBlock, { kind: 'table' }>): string => {
    tables += 1;
    const span = (colSpan: number | undefined): string =>
      colSpan !== undefined && colSpan > 1 ? ` colspan="${colSpan}"` : '';
    const head = b.rows.slice(0, b.headerRows);
    const body = b.rows.slice(b.headerRows);
    const thead = head.length
      ? `<thead class="govuk-table__head">${head
          .map(
            (row) =>
              `<tr class="govuk-table__row">${row
                .map(
                  (c) =>
                    `<th scope="${(c.colSpan ?? 1) > 1 ? 'colgroup' : 'col'}" class="govuk-table__header"${span(c.colSpan)}>${convertedRuns(c.runs)}</th>`,
                )
                .join('')}</tr>`,
          )
          .join('')}</thead>`
      : '';
    const tbody = `<tbody class="govuk-table__body">${body
      .map(
        (row) =>
          `<tr class="govuk-table__row">${row
            .map(
              (c) =>
                `<td class="govuk-table__cell"${span(c.colSpan)}>${convertedRuns(c.runs)}</td>`,
            )
            .join('')}</tr>`,
      )
      .join('')}</tbody>`;
    const label = escapeHtml(`Table ${tables} of ${options.title}`);
    return `<div class="app-table-wrap" role="region" aria-label="${label}" tabindex="0"><table class="govuk-table">${thead}${tbody}</table></div>`;
  };

  const figure = (b: Extract<ConvertedBlock, { kind: 'figure' }>): string => {
    const alt = b.alt.trim();
    if (
      b.image === null ||
      !IMAGE_TYPES.has(b.image.mediaType) ||
      !/^[A-Za-z0-9+/=]+$/.test(b.image.data)
    )
      // An image that cannot be shown: its description stands in its place, said as such.
      return alt === ''
        ? ''
        : `<p class="govuk-body"><em>[Image not shown: ${escapeHtml(alt)}]</em></p>`;
    const size = ` width="${Math.round(b.image.width)}" height="${Math.round(b.image.height)}"`;
    return `<p class="govuk-body app-figure"><img src="data:${b.image.mediaType};base64,${b.image.data}" alt="${escapeHtml(alt)}"${size}></p>`;
  };

  const notes = (b: Extract<ConvertedBlock, { kind: 'notes' }>): string => {
    const items = b.notes
      .map((note) => {
        const what = note.kind === 'endnote' ? 'endnote' : 'footnote';
        const back = marked.has(note.id)
          ? ` <a class="govuk-link" href="#${escapeHtml(markId(note.id))}">Back to the text<span class="govuk-visually-hidden"> of ${what} ${escapeHtml(note.label)}</span></a>`
          : '';
        return `<li id="${escapeHtml(noteId(note.id))}"><span class="app-label">${escapeHtml(note.label)}</span> <span>${convertedRuns(note.runs)}${back}</span></li>`;
      })
      .join('');
    return `${heading(options.topHeading - 1, 'Notes', 1)}<ul class="govuk-list app-labelled-list app-notes">${items}</ul>`;
  };

  return (blocks as readonly ConvertedBlock[])
    .map((b) => {
      switch (b.kind) {
        case 'heading':
          return heading(b.level, convertedRuns(b.runs), options.topHeading - 1);
        case 'paragraph':
          return `<p class="govuk-body">${convertedRuns(b.runs)}</p>`;
        case 'list':
          return list(b.items);
        case 'table':
          return table(b);
        case 'figure':
          return figure(b);
        case 'notes':
          return notes(b);
        default:
          return '';
      }
    })
    .join('\n');
};
