import {
  Closed,
  IntegerEnum,
  KindUnion,
  LIMITS,
  List,
  Nullable,
  StringEnum,
  Text,
  Type,
  Variant,
  type Shape,
} from '../schema/kit.js';

/**
 * A report someone else wrote (a Word document), converted into the structure Scrutineer
 * typesets itself: headings with their levels, paragraphs of runs, lists with their nesting,
 * tables with header rows, figures with alt text, and notes. What the conversion could not carry
 * over is a warning for the clerk, never silently dropped. Held as data so the converted report
 * can be stored beside its file and drawn like any other report.
 */

/** The largest image a converted report carries, as base64 (a 50 MB file's worth, and a third). */
const MAX_IMAGE_BASE64 = 70_000_000;

const NOTE_ID_PATTERN = '^(footnote|endnote)-[0-9]+$';

/** A piece of text in one style; a link when `href` is set, a note's mark when `note` is. */
export const ConvertedRun = Closed(
  {
    text: Text({ maxLength: LIMITS.paragraph }),
    bold: Type.Optional(Type.Boolean()),
    italic: Type.Optional(Type.Boolean()),
    href: Type.Optional(
      Text({ maxLength: 2_000, description: 'An http(s) or mailto link, as the author wrote it.' }),
    ),
    note: Type.Optional(
      Text({
        maxLength: LIMITS.id,
        pattern: NOTE_ID_PATTERN,
        description: 'The note this run is the mark of (`[1]`): a `ConvertedNote`’s id.',
      }),
    ),
  },
  { title: 'ConvertedRun' },
);
export type ConvertedRun = Shape<typeof ConvertedRun>;

const Runs = List(ConvertedRun, { maxItems: LIMITS.longList });

export const CONVERTED_HEADING_LEVELS = [1, 2, 3, 4, 5, 6] as const;

export const ConvertedListItem = Closed(
  {
    /** 0 for the outer list, 1 for a list inside one of its items, and so on. */
    depth: Type.Integer({ minimum: 0, maximum: 8 }),
    /** Numbered (Word's numbered list) or bulleted. */
    ordered: Type.Boolean(),
    runs: Runs,
  },
  { title: 'ConvertedListItem' },
);
export type ConvertedListItem = Shape<typeof ConvertedListItem>;

export const ConvertedTableCell = Closed(
  {
    runs: Runs,
    /** How many columns the cell spans, when more than one. */
    colSpan: Type.Optional(Type.Integer({ minimum: 2, maximum: 50 })),
  },
  { title: 'ConvertedTableCell' },
);
export type ConvertedTableCell = Shape<typeof ConvertedTableCell>;

export const CONVERTED_IMAGE_TYPES = ['image/png', 'image/jpeg'] as const;

export const ConvertedNote = Closed(
  {
    /** Unique in the report: `footnote-1`, `endnote-2`. */
    id: Text({ maxLength: LIMITS.id, pattern: NOTE_ID_PATTERN }),
    kind: StringEnum(['footnote', 'endnote'] as const),
    /** The mark printed in the text and before the note: `1`. */
    label: Text({ maxLength: 10 }),
    runs: Runs,
  },
  { title: 'ConvertedNote' },
);
export type ConvertedNote = Shape<typeof ConvertedNote>;

export const ConvertedBlock = KindUnion(
  [
    Variant(
      'heading',
      { level: IntegerEnum(CONVERTED_HEADING_LEVELS), runs: Runs },
      {
        title: 'ConvertedHeading',
        description: 'A heading at its level in the report (1 is the report’s top level).',
      },
    ),
    Variant('paragraph', { runs: Runs }, { title: 'ConvertedParagraph' }),
    Variant(
      'list',
      { items: List(ConvertedListItem, { minItems: 1, maxItems: LIMITS.longList }) },
      {
        title: 'ConvertedList',
        description: 'A list, its items in order; a nested item has a greater depth.',
      },
    ),
    Variant(
      'table',
      {
        /** The first `headerRows` rows are the table's header (printed and tagged TH). */
        headerRows: Type.Integer({ minimum: 0, maximum: 10 }),
        rows: List(List(ConvertedTableCell, { minItems: 1, maxItems: 50 }), {
          minItems: 1,
          maxItems: LIMITS.longList,
        }),
      },
      { title: 'ConvertedTable' },
    ),
    Variant(
      'figure',
      {
        alt: Text({ minLength: 0, maxLength: LIMITS.paragraph }),
        /** Null when the image's format cannot be drawn (EMF, SVG …): its alt text is printed instead. */
        image: Nullable(
          Closed({
            mediaType: StringEnum(CONVERTED_IMAGE_TYPES),
            /** The image file, base64. */
            data: Type.String({ minLength: 1, maxLength: MAX_IMAGE_BASE64 }),
            /** Printed size in points, as the author placed it. */
            width: Type.Number({ exclusiveMinimum: 0, maximum: 10_000 }),
            height: Type.Number({ exclusiveMinimum: 0, maximum: 10_000 }),
          }),
        ),
      },
      { title: 'ConvertedFigure', description: 'An image with its alt text.' },
    ),
    Variant(
      'notes',
      { notes: List(ConvertedNote, { minItems: 1, maxItems: LIMITS.longList }) },
      {
        title: 'ConvertedNotes',
        description: 'The report’s footnotes and endnotes, printed together at its end.',
      },
    ),
  ],
  { title: 'ConvertedBlock' },
);
export type ConvertedBlock = Shape<typeof ConvertedBlock>;

/** What a conversion can tell the clerk it did not carry over as the author had it. */
export const CONVERSION_WARNING_CODES = [
  'tracked-insertion',
  'tracked-deletion',
  'tracked-formatting',
  'comment',
  'text-box',
  'embedded-object',
  'chart',
  'equation',
  'table-of-contents',
  'header-footer',
  'unrecognised-style',
  'unsupported-image',
  'image-without-alt',
  'merged-cells',
  'heading-level-skipped',
  'ignored-content',
] as const;
export type ConversionWarningCode = (typeof CONVERSION_WARNING_CODES)[number];

export const ConversionWarning = Closed(
  {
    code: StringEnum(CONVERSION_WARNING_CODES),
    /** For the clerk, naming what was found and what the pack prints instead. */
    message: Text({ maxLength: LIMITS.paragraph }),
    /** How many times the document has it. */
    count: Type.Integer({ minimum: 1 }),
  },
  { title: 'ConversionWarning' },
);
export type ConversionWarning = Shape<typeof ConversionWarning>;

export const ConvertedReport = Closed(
  {
    blocks: List(ConvertedBlock, { maxItems: 100_000 }),
    warnings: List(ConversionWarning, { maxItems: 1_000 }),
  },
  { title: 'ConvertedReport' },
);
export type ConvertedReport = Shape<typeof ConvertedReport>;
