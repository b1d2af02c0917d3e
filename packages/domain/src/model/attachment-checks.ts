/**
 * What the accessibility pre-flight found in an attached file (issue 12, item 5), stored with the
 * file when it is uploaded: the facts, not sentences, so the pre-publication check words its
 * warnings itself, naming the document as its item calls it. The API computes them with the
 * reporter's checkers (the PDF/UA checker the test suite runs on our own PDFs, and the Word
 * conversion); nothing else reads the bytes again.
 */
import { KindUnion, List, Nullable, Text, Type, Variant, type Shape } from '../schema/kit.js';
import { ConversionWarning } from './converted-report.js';

export const PdfAttachmentChecks = Variant(
  'pdf',
  {
    pageCount: Type.Integer({ minimum: 1, description: 'The PDF’s number of pages.' }),
    tagged: Type.Boolean({
      description:
        'Whether it is a tagged PDF (`/MarkInfo /Marked true` and a structure tree with elements): without tags a screen reader cannot tell headings, lists and tables apart.',
    }),
    hasTitle: Type.Boolean({
      description: 'Whether its document properties give a title (Info /Title or XMP dc:title).',
    }),
    language: Nullable(Text({ maxLength: 100 }), {
      description: 'The catalog’s `/Lang` (`en-GB`), or null when it says no language.',
    }),
    fontsEmbedded: Type.Boolean({ description: 'Whether every font that shows text is embedded.' }),
    fontsUnicodeMapped: Type.Boolean({
      description:
        'Whether every character shown maps to Unicode text (ToUnicode), so it can be read aloud, searched and copied.',
    }),
    imageOnly: Type.Boolean({
      description: 'Whether every page that paints anything is an image with no text: a scan.',
    }),
    imageOnlyPages: List(Type.Integer({ minimum: 1 }), {
      maxItems: 100_000,
      description: 'The pages (from 1) that paint images and show no text.',
    }),
    pdfUaRulesFailed: List(Text({ maxLength: 100 }), {
      maxItems: 1_000,
      description:
        'The PDF/UA checker’s rules the file breaks (`struct.figure-alt`, `fonts.tounicode` …); empty for a conforming tagged PDF.',
    }),
  },
  {
    title: 'PdfAttachmentChecks',
    description: 'The accessibility pre-flight of a PDF, by the PDF/UA checker.',
  },
);
export type PdfAttachmentChecks = Shape<typeof PdfAttachmentChecks>;

export const DocxAttachmentChecks = Variant(
  'docx',
  {
    headingCount: Type.Integer({
      minimum: 0,
      description:
        'How many headings the conversion found (Word heading styles): with none, a screen reader cannot move through the report by its sections.',
    }),
    imagesWithoutAlt: Type.Integer({
      minimum: 0,
      description: 'How many images have no alt text (a screen reader cannot describe them).',
    }),
    warnings: List(ConversionWarning, {
      maxItems: 1_000,
      description:
        'What the conversion could not carry over as the author had it (text boxes, tracked changes, comments, embedded objects …), as `docxToReport` reports it.',
    }),
  },
  {
    title: 'DocxAttachmentChecks',
    description: 'What converting a Word document found: its warnings, headings and alt text.',
  },
);
export type DocxAttachmentChecks = Shape<typeof DocxAttachmentChecks>;

export const AttachmentChecks = KindUnion([PdfAttachmentChecks, DocxAttachmentChecks], {
  title: 'AttachmentChecks',
  description:
    'The accessibility pre-flight of an attached file, made when it was uploaded (`kind` is `pdf` or `docx`, as its media type).',
});
export type AttachmentChecks = Shape<typeof AttachmentChecks>;
