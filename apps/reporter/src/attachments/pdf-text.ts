/**
 * The words of a PDF, for search: each page's shown text in content order, decoded through its
 * fonts' ToUnicode maps (the same reading the PDF/UA checker makes of fonts), one line per text
 * line. A font without a map is read as single-byte Latin text; a scanned page gives nothing.
 * Form XObjects a page paints are read where they are painted.
 */
import { PDFName, PDFRawStream, type PDFContext, type PDFDict } from 'pdf-lib';
import { openPdf } from './open-pdf.js';
import {
  isName,
  isString,
  readOperations,
  type CsValue,
  type Operation,
} from '../pdfua/content-tokens.js';
import { FontRegistry, type FontInfo } from '../pdfua/fonts.js';
import { pageContent, pageResources } from '../pdfua/page-scan.js';
import { asDict, dictAt, entry, nameAt, resolve, streamBytes } from '../pdfua/pdf-objects.js';

/** A TJ adjustment wider than this (thousandths of an em) is a space between words. */
const WORD_GAP = 200;

const latin1 = new TextDecoder('latin1');

const decode = (font: FontInfo | undefined, bytes: Uint8Array): string => {
  if (font === undefined) return latin1.decode(bytes);
  const step = font.codeBytes;
  if (font.toUnicode === null) return step === 1 ? latin1.decode(bytes) : '';
  let text = '';
  for (let index = 0; index + step <= bytes.length; index += step) {
    const code =
      step === 2 ? (bytes[index] ?? 0) * 256 + (bytes[index + 1] ?? 0) : (bytes[index] ?? 0);
    text += font.toUnicode.get(code) ?? '';
  }
  return text;
};

class TextReader {
  readonly lines: string[] = [];
  private line = '';

  constructor(
    private readonly context: PDFContext,
    private readonly fonts: FontRegistry,
  ) {}

  private newLine(): void {
    const text = this.line.replace(/\s+/g, ' ').trim();
    if (text !== '') this.lines.push(text);
    this.line = '';
  }

  end(): void {
    this.newLine();
  }

  read(
    operations: Iterable<Operation>,
    resources: PDFDict | undefined,
    forms: Set<PDFRawStream>,
  ): void {
    let font: FontInfo | undefined;
    for (const { operator, operands } of operations) {
      switch (operator) {
        case 'Tf': {
          const name = operands[0];
          font = isName(name) ? this.fonts.lookup(resources, name.name) : undefined;
          break;
        }
        case 'Tj':
          this.show(font, operands.at(-1));
          break;
        case "'":
        case '"':
          this.newLine();
          this.show(font, operands.at(-1));
          break;
        case 'TJ':
          for (const item of (operands[0] as readonly CsValue[] | undefined) ?? []) {
            if (typeof item === 'number') {
              if (item < -WORD_GAP) this.line += ' ';
            } else this.show(font, item);
          }
          break;
        case 'Td':
        case 'TD': {
          const dy = operands[1];
          if (typeof dy === 'number' && dy !== 0) this.newLine();
          else this.line += ' ';
          break;
        }
        case 'T*':
        case 'Tm':
        case 'ET':
          this.newLine();
          break;
        case 'Do':
          this.form(operands[0], resources, forms);
          break;
        default:
          break;
      }
    }
  }

  private show(font: FontInfo | undefined, value: CsValue | undefined): void {
    if (isString(value)) this.line += decode(font, value.bytes);
  }

  private form(
    name: CsValue | undefined,
    resources: PDFDict | undefined,
    forms: Set<PDFRawStream>,
  ): void {
    if (!isName(name)) return;
    const xobjects = resources && dictAt(resources, 'XObject');
    const xobject = xobjects && resolve(this.context, xobjects.get(PDFName.of(name.name)));
    if (!(xobject instanceof PDFRawStream) || nameAt(xobject.dict, 'Subtype') !== 'Form') return;
    if (forms.has(xobject) || forms.size > 16) return;
    const bytes = streamBytes(xobject);
    if (bytes === undefined) return;
    forms.add(xobject);
    this.read(readOperations(bytes), asDict(entry(xobject.dict, 'Resources')) ?? resources, forms);
    forms.delete(xobject);
  }
}

/**
 * The text of `bytes`, a PDF, page after page (pages separated by a blank line). Throws as
 * `openPdf` does for a file that is not a readable PDF; an encrypted one gives no text.
 */
export const pdfText = async (bytes: Uint8Array): Promise<string> => {
  const { document, encrypted } = await openPdf(bytes, {
    allowEncrypted: true,
    checkContents: false,
  });
  if (encrypted) return '';
  const fonts = new FontRegistry(document.context);
  const pages: string[] = [];
  for (const page of document.getPages()) {
    const reader = new TextReader(document.context, fonts);
    try {
      reader.read(
        readOperations(pageContent(document.context, page.node)),
        pageResources(page.node),
        new Set(),
      );
    } catch {
      // A page whose content cannot be read gives what was read before the fault.
    }
    reader.end();
    pages.push(reader.lines.join('\n'));
  }
  return pages.filter((text) => text !== '').join('\n\n');
};
