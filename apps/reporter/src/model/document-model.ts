/**
 * The reporter's document model: what a document says and in what order, with no pdfkit and
 * no positions. Builders (`build*Model`) make it from domain data; `layout` places it on pages.
 */

export type FontStyle = 'regular' | 'bold' | 'italic';

/** A piece of text in one style. `dest` links to a named destination in the same PDF. */
export type Run = {
  readonly text: string;
  readonly style?: FontStyle;
  /** `#RRGGBB`; the body colour when absent. */
  readonly colour?: string;
  readonly link?:
    | {
        readonly kind: 'dest';
        readonly name: string;
        /** What the link does, for /Contents and the Link's Alt ("Footnote 1"); "Go to …" when absent. */
        readonly description?: string;
      }
    | {
        readonly kind: 'url';
        readonly url: string;
        /** What the link does, for /Contents and the Link's Alt: "Email Jane Smith (jane@…)". */
        readonly description?: string;
      };
};

export type ListItem = {
  /** The label as printed: `a)`, `(ii)`, `1.`, `•`. */
  readonly label: string;
  readonly runs: readonly Run[];
  /** A nested list, printed under the item and tagged inside its LBody. */
  readonly children?: readonly ListItem[];
};

export type TableCell = {
  readonly runs: readonly Run[];
  /** Background colour (`#RRGGBB`), e.g. the RAG colour; the words carry the meaning too. */
  readonly fill?: string;
  readonly align?: 'left' | 'right' | 'center';
};

/**
 * A width a table declares for a column where it knows better than its content: a fraction of
 * the table's width (`{ fraction: 0.25 }`) or points (`{ points: 60 }`). Never narrower than the
 * column's longest word.
 */
export type ColumnWidth = { readonly fraction: number } | { readonly points: number };

export type TableColumn = {
  readonly header: string;
  /** Absent: sized by its content, as CSS's automatic table layout does (layout/blocks/table-size.ts). */
  readonly width?: ColumnWidth;
  /** Absent: right when every filled body cell is a number or an amount, else left. */
  readonly align?: 'left' | 'right' | 'center';
};

/** A heading's place in the outline: tagged H1–H6, never more than one below the heading before. */
export type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;

/** How a heading prints (size, spacing, colour): the three heading styles of the documents. */
export type HeadingLook = 1 | 2 | 3;

export type Block =
  | {
      readonly kind: 'heading';
      readonly level: HeadingLevel;
      /**
       * Printed in the style of this level when it differs from `level` (a front sheet's
       * "Membership" is an H2 in the outline but prints in the small H3 style); by default the
       * style of `level`, and of level 3 below it.
       */
      readonly look?: HeadingLook;
      readonly runs: readonly Run[];
      /**
       * The outline entry's title when it differs from the heading's text. Every H1–H3 heading
       * has a bookmark, nested by level.
       */
      readonly bookmark?: { readonly title: string };
      /** A named destination at the heading, for links from the agenda. */
      readonly dest?: string;
      /** Print size override in points. */
      readonly size?: number;
      readonly align?: 'left' | 'center';
    }
  | {
      readonly kind: 'paragraph';
      readonly runs: readonly Run[];
      /** A hanging label printed in the left gutter: `1.1`, `33.2`, `5`. */
      readonly label?: string;
      /** Extra left indent in points. */
      readonly indent?: number;
      readonly size?: number;
      readonly align?: 'left' | 'center' | 'right';
      /** Space after, in points; the body default when absent. */
      readonly spaceAfter?: number;
      /** Keep with the next block on the same page (a lead-in before its list). */
      readonly keepWithNext?: boolean;
      /** Tagged as a heading of this level (a bold run-in label such as "Highlights"), not P. */
      readonly headingLevel?: HeadingLevel;
      /** A footnote or endnote: tagged Note (not P) with this ID, unique in the document. */
      readonly note?: { readonly id: string };
      /** A named destination where the paragraph starts (a note, for its references' links). */
      readonly dest?: string;
    }
  | { readonly kind: 'list'; readonly items: readonly ListItem[]; readonly indent?: number }
  | {
      readonly kind: 'table';
      /** Printed above the table (and its accessible summary). */
      readonly caption: string | null;
      readonly columns: readonly TableColumn[];
      readonly rows: readonly (readonly TableCell[])[];
      /** Rows printed in bold after a rule (totals). */
      readonly footerRows?: readonly (readonly TableCell[])[];
    }
  | {
      /** A header block of labelled values (REPORT TO / DATE …), tagged as a table with row headers. */
      readonly kind: 'key-value';
      readonly rows: readonly { readonly key: string; readonly value: readonly Run[] }[];
      /** Width of the key column in points. */
      readonly keyWidth?: number;
    }
  | {
      /** A boxed notice: an exempt appendix withheld, an item taken in private. */
      readonly kind: 'notice';
      readonly title: string;
      readonly runs: readonly Run[];
      readonly colour?: string;
    }
  | {
      readonly kind: 'image';
      readonly data: Buffer;
      readonly width: number;
      readonly height: number;
      readonly alt: string;
    }
  | { readonly kind: 'signature'; readonly lines: readonly string[] }
  | {
      /**
       * Pages of an attached PDF, merged in after drawing (`src/attachments/merge.ts`): layout
       * reserves `pages` pages here, numbered with the rest of the pack, so the agenda's page
       * ranges and every later "Page N" count them. They start on a new page.
       */
      readonly kind: 'attached-pdf';
      /** The document's title: its bookmark and its structure element's /T. */
      readonly title: string;
      readonly pages: number;
      /** What the merge loads the file by (the SHA-256 the API stores it under). */
      readonly file: string;
      /** Stamped on its first page (`Agenda Item 5`), or null. */
      readonly stamp: string | null;
    }
  | { readonly kind: 'spacer'; readonly height: number }
  | {
      readonly kind: 'page-break';
      /** From the next page on, the page marking (e.g. NOT FOR PUBLICATION …); null clears it, undefined keeps it. */
      readonly marking?: string | null;
    };

/**
 * A part of the document that starts on a new page: the front sheet and agenda, or one agenda item.
 * Running header and footer come from here; "Page N" is numbered through the whole document.
 */
export type Section = {
  /** Unique in the document; used for the structure element and named destinations. */
  readonly id: string;
  /** The structure tag of the section (`Sect`, or `Part` for an agenda item). */
  readonly tag: 'Sect' | 'Part' | 'Art';
  /** Stamped at the top of the section's first page: `Agenda Item 5`. */
  readonly stamp: string | null;
  /** Printed at the top of every page of the section: `NOT FOR PUBLICATION …`. */
  readonly marking: string | null;
  readonly blocks: readonly Block[];
};

export type DocumentMeta = {
  readonly title: string;
  readonly subject: string;
  readonly author: string;
  readonly keywords: string;
  /** The council's name, printed in every page header. */
  readonly councilName: string;
  /** The council colour for headings and rules, `#RRGGBB`. */
  readonly colour: string;
  /** Printed in every page header (e.g. DRAFT); null for none. */
  readonly headerMark: string | null;
};

export type DocumentModel = {
  readonly meta: DocumentMeta;
  readonly sections: readonly Section[];
};
