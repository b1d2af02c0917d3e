/**
 * Bench code, not product code: the agenda pack's document model written as HTML, for Chromium
 * to print at the reporter's sizes (A4; margins 84 pt top for the running header, 62 pt right,
 * bottom and left; Arimo, the reporter's font; body 11 pt, tables 9 pt, line height 1.32; cell
 * padding 3 pt by 3.5 pt; each section on a new page). Tables are `width: 100%` with CSS's
 * automatic layout, so Chromium's page count is what content-sized columns can reach.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { buildAgendaPackModel } from '@scrutineer/reporter';

type Model = ReturnType<typeof buildAgendaPackModel>;
type Section = Model['items'][number]['section'];
type Block = Section['blocks'][number];
type Run = Extract<Block, { kind: 'paragraph' }>['runs'][number];

const escape = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const runs = (list: readonly Run[]): string =>
  list
    .map((run) => {
      const text = escape(run.text).replace(/\n/g, '<br>');
      return run.style === 'bold'
        ? `<b>${text}</b>`
        : run.style === 'italic'
          ? `<i>${text}</i>`
          : text;
    })
    .join('');

const HEADING_STYLE = {
  1: 'font-size:16pt;margin:0 0 8pt',
  2: 'font-size:13pt;margin:10pt 0 6pt',
  3: 'font-size:11.5pt;margin:6pt 0 4pt',
} as const;

const block = (item: Block): string => {
  switch (item.kind) {
    case 'heading': {
      const look = item.look ?? (item.level === 1 ? 1 : item.level === 2 ? 2 : 3);
      const level = Math.min(item.level, 6);
      return `<h${level} style="${HEADING_STYLE[look]}">${runs(item.runs)}</h${level}>`;
    }
    case 'paragraph': {
      const indent = (item.indent ?? 0) + (item.label ? 34 : 0);
      const label = item.label ? `<span class="label">${escape(item.label)}</span>` : '';
      return `<p style="padding-left:${indent}pt;margin:0 0 ${item.spaceAfter ?? 6}pt">${label}${runs(item.runs)}</p>`;
    }
    case 'list':
      return `<div class="list">${item.items
        .map(
          (entry) => `<p><span class="label">${escape(entry.label)}</span>${runs(entry.runs)}</p>`,
        )
        .join('')}</div>`;
    case 'table': {
      const align = (column: (typeof item.columns)[number]) =>
        column.align && column.align !== 'left' ? ` style="text-align:${column.align}"` : '';
      const row = (cells: readonly { runs: readonly Run[] }[], tag: string) =>
        `<tr>${item.columns.map((column, index) => `<${tag}${align(column)}>${runs(cells[index]?.runs ?? [])}</${tag}>`).join('')}</tr>`;
      return [
        '<table>',
        item.caption ? `<caption>${escape(item.caption)}</caption>` : '',
        `<thead>${row(
          item.columns.map((column) => ({ runs: [{ text: column.header }] })),
          'th',
        )}</thead><tbody>`,
        ...item.rows.map((cells) => row(cells, 'td')),
        ...(item.footerRows ?? []).map((cells) => row(cells, 'th')),
        '</tbody></table>',
      ].join('');
    }
    case 'key-value':
      return `<table class="kv">${item.rows.map((entry) => `<tr><th>${escape(entry.key)}</th><td>${runs(entry.value)}</td></tr>`).join('')}</table>`;
    case 'notice':
      return `<div class="notice"><b>${escape(item.title)}</b><p>${runs(item.runs)}</p></div>`;
    case 'image':
      return `<div style="height:${item.height}pt"></div>`;
    case 'signature':
      return item.lines.map((line) => `<p>${escape(line)}</p>`).join('');
    case 'spacer':
      return `<div style="height:${item.height}pt"></div>`;
    case 'page-break':
      return '<div style="break-before:page"></div>';
    case 'attached-pdf':
      return `<div style="break-before:page;height:${item.pages * 100}vh"></div>`;
  }
};

const fontUrl = (file: string): string => {
  const require = createRequire(import.meta.url);
  return pathToFileURL(require.resolve(`@expo-google-fonts/arimo/${file}`)).href;
};

const STYLE = `
@font-face { font-family: Arimo; src: url(${fontUrl('400Regular/Arimo_400Regular.ttf')}); }
@font-face { font-family: Arimo; font-weight: bold; src: url(${fontUrl('700Bold/Arimo_700Bold.ttf')}); }
@font-face { font-family: Arimo; font-style: italic; src: url(${fontUrl('400Regular_Italic/Arimo_400Regular_Italic.ttf')}); }
@page { size: A4; margin: 84pt 62pt 62pt 62pt; }
body { margin: 0; font-family: Arimo; font-size: 11pt; line-height: 1.32; }
section + section { break-before: page; }
.label { display: inline-block; width: 34pt; margin-left: -34pt; }
.list p { margin: 0 0 3pt; padding-left: 42pt; }
.list .label { width: 24pt; margin-left: -24pt; }
table { width: 100%; border-collapse: collapse; font-size: 9pt; margin: 0 0 10pt; }
caption { text-align: left; font-weight: bold; font-size: 11pt; margin-bottom: 3pt; }
th, td { padding: 3pt 3.5pt; text-align: left; vertical-align: top; border-bottom: 0.5pt solid #B1B4B6; }
thead th { background: #E9ECEF; border-bottom: 0.8pt solid #0B0C0C; }
table.kv { font-size: 11pt; }
table.kv th, table.kv td { padding: 0 0 4pt; border: 0; }
table.kv th { width: 130pt; }
.notice { border: 1pt solid #B10E1E; padding: 8pt; margin: 0 0 10pt; }
`;

/** The whole pack as one HTML document, a `<section>` per section of the model. */
export const packHtml = (model: Model): string => {
  const sections: Section[] = [model.front(new Map()), ...model.items.map((item) => item.section)];
  return [
    '<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Pack</title>',
    `<style>${STYLE}</style></head><body>`,
    ...sections.map((section) => `<section>${section.blocks.map(block).join('\n')}</section>`),
    '</body></html>',
  ].join('\n');
};
