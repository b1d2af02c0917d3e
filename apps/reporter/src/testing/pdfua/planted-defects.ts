/**
 * One planted defect per rule kind, for `planted-defects.spec.ts`: what to plant, in which of our
 * PDFs, and the rules the checker must then report (exactly those). Most defects break one
 * rule; where a defect honestly breaks two (a dropped cell leaves its row short and its text in
 * no element), both are listed, with why.
 */
import { PDFArray, PDFBool, PDFNull, PDFNumber, PDFString } from 'pdf-lib';
import type { PdfUaRule } from '../../pdfua/findings.js';
import {
  addTableAttribute,
  annotatedPage,
  appendContent,
  childElements,
  descendantFont,
  editXmp,
  element,
  firstAnnotation,
  firstFont,
  fontDescriptor,
  hasMcid,
  kidsArray,
  name,
  parentTreeArray,
  removeKid,
  type Planting,
} from './planting.js';
import { entry, streamBytes } from '../../pdfua/pdf-objects.js';
import type { StructElement } from '../../pdfua/struct-tree.js';

const bitCount = (byte: number): number => byte.toString(2).replaceAll('0', '').length;

export type Base = 'pprr' | 'minutes';
export type Defect = readonly [
  description: string,
  base: Base,
  planter: (planting: Planting) => void,
  expected: readonly PdfUaRule[],
];

const firstPage = ({ pages }: Planting) => {
  const [page] = pages;
  if (page === undefined) throw new Error('No pages');
  return page;
};

/** The rows of the first table with at least three, through THead/TBody/TFoot. */
const tableRows = (planting: Planting): StructElement[] => {
  const rowsOf = (table: StructElement): StructElement[] =>
    childElements(table).flatMap((child) =>
      child.role === 'TR' ? [child] : childElements(child).filter((row) => row.role === 'TR'),
    );
  const table = element(planting, 'Table', (candidate) => rowsOf(candidate).length >= 3);
  return rowsOf(table);
};

const cellsOf = (row: StructElement | undefined): StructElement[] =>
  row === undefined ? [] : childElements(row);

/** A code-0 `<0000>` or code-1 `<0001>` shown in the page's first font, inside an artifact. */
const showInArtifact = (planting: Planting, code: string): void => {
  const page = firstPage(planting);
  const { key } = firstFont(page);
  appendContent(planting, page, `/Artifact BMC BT /${key} 10 Tf 72 72 Td <${code}> Tj ET EMC`);
};

export const DEFECTS: readonly Defect[] = [
  // The catalog
  [
    '/MarkInfo /Marked false',
    'pprr',
    ({ document }) =>
      document.catalog.set(name('MarkInfo'), document.context.obj({ Marked: false })),
    ['catalog.marked'],
  ],
  [
    '/MarkInfo /Suspects true',
    'pprr',
    ({ document }) =>
      document.catalog.set(
        name('MarkInfo'),
        document.context.obj({ Marked: true, Suspects: true }),
      ),
    ['catalog.suspects'],
  ],
  ['no /Lang', 'pprr', ({ document }) => document.catalog.delete(name('Lang')), ['catalog.lang']],
  [
    '/Lang not a language tag',
    'pprr',
    ({ document }) => document.catalog.set(name('Lang'), PDFString.of('English')),
    ['catalog.lang'],
  ],
  [
    'no DisplayDocTitle',
    'pprr',
    ({ document }) =>
      document.catalog.set(
        name('ViewerPreferences'),
        document.context.obj({ DisplayDocTitle: PDFBool.False }),
      ),
    ['catalog.displaydoctitle'],
  ],
  [
    'no bookmarks',
    'pprr',
    ({ document }) => document.catalog.delete(name('Outlines')),
    ['catalog.outlines'],
  ],
  // The XMP (the minutes' title holds "&")
  [
    '& unescaped in the XMP',
    'minutes',
    (planting) => editXmp(planting, (xml) => xml.replaceAll('&amp;', '&')),
    ['xmp.wellformed'],
  ],
  [
    'no dc:title',
    'minutes',
    (planting) => editXmp(planting, (xml) => xml.replace(/<dc:title>[\s\S]*?<\/dc:title>/, '')),
    ['xmp.dc_title'],
  ],
  [
    'no pdfuaid:part',
    'minutes',
    (planting) => editXmp(planting, (xml) => xml.replace(/<pdfuaid:part>1<\/pdfuaid:part>/, '')),
    ['xmp.pdfuaid'],
  ],
  // The tree and its links to the content
  [
    'ParentTreeNextKey 0',
    'pprr',
    ({ tree }) => tree.root.set(name('ParentTreeNextKey'), PDFNumber.of(0)),
    ['struct.root'],
  ],
  [
    "an element's /P naming a page",
    'pprr',
    (planting) => element(planting, 'H2').dict.set(name('P'), firstPage(planting).ref),
    ['struct.tree'],
  ],
  [
    'an unmapped structure type',
    'pprr',
    (planting) => element(planting, 'P').dict.set(name('S'), name('Paragraph')),
    ['struct.types'],
  ],
  [
    'a standard type remapped',
    'pprr',
    ({ tree, document }) => tree.root.set(name('RoleMap'), document.context.obj({ P: 'Span' })),
    ['struct.types'],
  ],
  [
    'text painted outside marked content',
    'pprr',
    (planting) => {
      const page = firstPage(planting);
      appendContent(planting, page, `BT /${firstFont(page).key} 10 Tf 72 72 Td <0001> Tj ET`);
    },
    ['content.tagged'],
  ],
  [
    'a path painted outside marked content',
    'pprr',
    (planting) => appendContent(planting, firstPage(planting), '0 0 m 10 10 l S'),
    ['content.tagged'],
  ],
  [
    'an EMC without BDC',
    'pprr',
    (planting) => appendContent(planting, firstPage(planting), 'EMC'),
    ['content.nesting'],
  ],
  [
    'an Artifact inside tagged content',
    'pprr',
    (planting) =>
      appendContent(planting, firstPage(planting), '/Span << /MCID 0 >> BDC /Artifact BMC EMC EMC'),
    ['content.nesting'],
  ],
  [
    'a ParentTree entry dropped',
    'pprr',
    (planting) => parentTreeArray(planting, firstPage(planting)).set(1, PDFNull),
    ['mcid.reachable'],
  ],
  [
    'an MCID left out of its element',
    'pprr',
    (planting) => kidsArray(element(planting, 'P', hasMcid)).remove(0),
    ['mcid.reachable'],
  ],
  [
    'the tree naming an MCID the page lacks',
    'pprr',
    (planting) => kidsArray(element(planting, 'P', hasMcid)).push(PDFNumber.of(9999)),
    ['mcid.referenced'],
  ],
  // Without the key the page's MCIDs cannot be reached through the ParentTree either.
  [
    'a page without /StructParents',
    'pprr',
    (planting) => firstPage(planting).node.delete(name('StructParents')),
    ['mcid.reachable', 'pages.structparents'],
  ],
  // Headings
  [
    'the first heading H2',
    'pprr',
    (planting) => element(planting, 'H1').dict.set(name('S'), name('H2')),
    ['headings.first_h1'],
  ],
  [
    'H1 → H3',
    'pprr',
    (planting) => element(planting, 'H2').dict.set(name('S'), name('H3')),
    ['headings.no_skip'],
  ],
  [
    'H mixed with H1–H6',
    'pprr',
    ({ tree }) => {
      const last = tree.elements.filter((candidate) => /^H[2-6]$/.test(candidate.role)).at(-1);
      last?.dict.set(name('S'), name('H'));
    },
    ['headings.h_vs_hn'],
  ],
  // Tables
  [
    'a P in a Table',
    'pprr',
    (planting) =>
      element(planting, 'Caption', (caption) => caption.parent?.role === 'Table').dict.set(
        name('S'),
        name('P'),
      ),
    ['tables.structure'],
  ],
  [
    'a TR outside a Table',
    'pprr',
    (planting) => element(planting, 'Table').dict.set(name('S'), name('Div')),
    ['tables.structure'],
  ],
  [
    'a TH without /Scope',
    'pprr',
    (planting) => element(planting, 'TH').dict.delete(name('A')),
    ['tables.th_scope'],
  ],
  [
    'a TD given ColSpan 2',
    'pprr',
    (planting) => {
      const cell = cellsOf(tableRows(planting)[1])[0];
      if (cell !== undefined) addTableAttribute(cell, { ColSpan: 2 });
    },
    ['tables.regular'],
  ],
  // Dropping a cell leaves its row short, and its text in no element.
  [
    'a TD dropped from its row',
    'pprr',
    (planting) => {
      const row = tableRows(planting)[1];
      const cell = cellsOf(row).filter(hasMcid).at(-1);
      if (row !== undefined && cell !== undefined) removeKid(row, cell);
    },
    ['mcid.reachable', 'tables.regular'],
  ],
  // A RowSpan above covers the dropped cell: the rows are regular again, only the text is lost.
  [
    'a dropped cell covered by a RowSpan from the row above',
    'pprr',
    (planting) => {
      const rows = tableRows(planting);
      const above = cellsOf(rows[1])[0];
      const below = cellsOf(rows[2])[0];
      if (above === undefined || below === undefined || rows[2] === undefined)
        throw new Error('No cells');
      addTableAttribute(above, { RowSpan: 2 });
      removeKid(rows[2], below);
    },
    ['mcid.reachable'],
  ],
  // Lists, figures
  [
    'a P in an LI',
    'pprr',
    (planting) => element(planting, 'LBody').dict.set(name('S'), name('P')),
    ['lists.structure'],
  ],
  [
    'an LI outside an L',
    'pprr',
    (planting) => element(planting, 'L').dict.set(name('S'), name('Div')),
    ['lists.structure'],
  ],
  [
    'a Figure without /Alt',
    'pprr',
    (planting) => element(planting, 'P').dict.set(name('S'), name('Figure')),
    ['figures.alt'],
  ],
  [
    'a Note without /ID',
    'pprr',
    (planting) => element(planting, 'P').dict.set(name('S'), name('Note')),
    ['notes.id'],
  ],
  [
    'two Notes with the same /ID',
    'pprr',
    (planting) => {
      for (const paragraph of [element(planting, 'P'), element(planting, 'P', () => true, 1)]) {
        paragraph.dict.set(name('S'), name('Note'));
        paragraph.dict.set(name('ID'), PDFString.of('note-1'));
      }
    },
    ['notes.id'],
  ],
  // Annotations
  [
    'a Link element without its OBJR',
    'pprr',
    (planting) => {
      const kids = kidsArray(element(planting, 'Link'));
      const at = kids.asArray().findIndex((kid) => !(kid instanceof PDFNumber));
      kids.remove(at);
    },
    ['links.tagged'],
  ],
  [
    'a Link annotation without /Contents',
    'pprr',
    (planting) => firstAnnotation(planting, 'Link').delete(name('Contents')),
    ['links.contents'],
  ],
  [
    'an untagged Text annotation',
    'pprr',
    (planting) => {
      const { context } = planting.document;
      const note = context.register(
        context.obj({
          Type: 'Annot',
          Subtype: 'Text',
          Rect: [0, 0, 10, 10],
          Contents: PDFString.of('note'),
        }),
      );
      const annots = annotatedPage(planting).node.get(name('Annots'));
      const array = annots instanceof PDFArray ? annots : context.lookup(annots, PDFArray);
      array.push(note);
    },
    ['annots.tagged'],
  ],
  [
    'no /Tabs on a page with links',
    'pprr',
    (planting) => annotatedPage(planting).node.delete(name('Tabs')),
    ['pages.tabs'],
  ],
  // Fonts
  [
    'a font without FontFile2',
    'pprr',
    (planting) => fontDescriptor(firstFont(firstPage(planting)).font).delete(name('FontFile2')),
    ['fonts.embedded'],
  ],
  [
    'a font without ToUnicode',
    'pprr',
    (planting) => firstFont(firstPage(planting)).font.delete(name('ToUnicode')),
    ['fonts.tounicode'],
  ],
  [
    'a ToUnicode that maps one code only',
    'pprr',
    ({ document, pages }) => {
      const cmap =
        '/CIDInit /ProcSet findresource begin 12 dict begin begincmap 1 begincodespacerange <0000> <ffff> endcodespacerange 1 beginbfchar <0001> <0041> endbfchar endcmap end end';
      const [page] = pages;
      if (page !== undefined)
        firstFont(page).font.set(
          name('ToUnicode'),
          document.context.register(document.context.stream(cmap)),
        );
    },
    ['fonts.tounicode'],
  ],
  // Code 0 is .notdef, and its ToUnicode entry is U+0000: both rules speak.
  [
    'the .notdef glyph shown',
    'pprr',
    (planting) => showInArtifact(planting, '0000'),
    ['fonts.tounicode', 'fonts.notdef'],
  ],
  [
    'a CIDFontType2 without CIDToGIDMap',
    'pprr',
    (planting) => descendantFont(firstFont(firstPage(planting)).font).delete(name('CIDToGIDMap')),
    ['fonts.cidtogid'],
  ],
  [
    'a CIDSet that leaves out the last glyph',
    'pprr',
    (planting) => {
      const descriptor = fontDescriptor(firstFont(firstPage(planting)).font);
      const cidSet = streamBytes(entry(descriptor, 'CIDSet'));
      if (cidSet === undefined) throw new Error('The font has no CIDSet');
      const glyphs = cidSet.reduce((count, byte) => count + bitCount(byte), 0);
      const trimmed = Uint8Array.from(cidSet);
      const last = glyphs - 1;
      trimmed[last >> 3] = (trimmed[last >> 3] ?? 0) & ~(0x80 >> (last & 7));
      const { context } = planting.document;
      descriptor.set(name('CIDSet'), context.register(context.stream(trimmed)));
    },
    ['fonts.cidset'],
  ],
];
