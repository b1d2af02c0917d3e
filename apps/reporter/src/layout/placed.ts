import type { FontStyle } from '../model/document-model.js';

/**
 * Where a piece of content sits in the structure tree: the chain of structure elements from the
 * section down to the leaf that owns the marked content. Keys are unique within a document, so a
 * paragraph that flows onto the next page continues the same element.
 */
export type StructNode = {
  readonly key: string;
  /** `Sect`, `H1`, `P`, `L`, `LI`, `Lbl`, `LBody`, `Table`, `TR`, `TH`, `TD`, `Link`, `Figure`, `Div`, `Caption`. */
  readonly tag: string;
  readonly alt?: string;
  /** For `TH`: `Column` or `Row`. */
  readonly scope?: 'Column' | 'Row';
  /** The element's /ID: a `Note` has one, unique in the document (PDF/UA-1 7.9). */
  readonly id?: string;
  /** The element's /T (title), for a Sect that holds an attached document. */
  readonly title?: string;
};

/** Content that is not part of the structure (running headers, footers, rules, repeated table headers). */
export type ArtifactKind = 'Pagination' | 'Layout';

export type Tagging =
  | { readonly kind: 'struct'; readonly path: readonly StructNode[] }
  | { readonly kind: 'artifact'; readonly type: ArtifactKind };

/** All positions and sizes are in PDF points (1/72 inch), origin at the top left of the page. */
export type PlacedOp =
  | {
      readonly kind: 'text';
      readonly x: number;
      /** Top of the line box. */
      readonly y: number;
      readonly text: string;
      readonly font: FontStyle;
      readonly size: number;
      readonly colour: string;
      readonly width: number;
      readonly tag: Tagging;
      readonly link?:
        | { readonly kind: 'dest'; readonly name: string; readonly description?: string }
        | { readonly kind: 'url'; readonly url: string; readonly description?: string };
    }
  | {
      readonly kind: 'rect';
      readonly x: number;
      readonly y: number;
      readonly width: number;
      readonly height: number;
      readonly fill: string | null;
      readonly stroke: string | null;
      readonly tag: Tagging;
    }
  | {
      readonly kind: 'line';
      readonly x1: number;
      readonly y1: number;
      readonly x2: number;
      readonly y2: number;
      readonly colour: string;
      readonly lineWidth: number;
      readonly tag: Tagging;
    }
  | {
      readonly kind: 'image';
      readonly x: number;
      readonly y: number;
      readonly width: number;
      readonly height: number;
      readonly data: Buffer;
      readonly tag: Tagging;
    }
  /**
   * An empty marked-content sequence of `tag`: puts a structure element with nothing to print
   * (an empty table cell) on this page, so a row keeps one cell per column.
   */
  | { readonly kind: 'mark'; readonly tag: Tagging }
  /**
   * A bookmark (outline entry) pointing at this page, for a heading of `level`: it nests under
   * the last bookmark of a lower level, so the outline follows the headings.
   */
  | { readonly kind: 'bookmark'; readonly title: string; readonly level: number }
  /** A named destination at (x, y) on this page, the target of links. */
  | { readonly kind: 'dest'; readonly name: string; readonly y: number };

/**
 * The marking banner as the merge stamps it on an attached page: its lines of text (all bold),
 * where the banner starts, and its type size, padding and colours, as the pack's pages have it.
 */
export type MarkingBanner = {
  readonly lines: readonly string[];
  readonly top: number;
  readonly size: number;
  readonly lineHeight: number;
  readonly paddingX: number;
  readonly paddingY: number;
  readonly fill: string;
  readonly colour: string;
};

export type PlacedPage = {
  readonly ops: readonly PlacedOp[];
  /** The section this page belongs to (for the page's running header and the section's structure element). */
  readonly sectionId: string;
  /**
   * Set on a page reserved for an attached PDF's page `index` (0-based) of `pages`: drawing puts
   * only its stamps there, and the merge replaces its content with the attached page's.
   */
  readonly attachment?: {
    readonly file: string;
    readonly title: string;
    readonly index: number;
    readonly pages: number;
    readonly stamp: string | null;
    /** The marking in force (`NOT FOR PUBLICATION …`), stamped by the merge on every page. */
    readonly marking: MarkingBanner | null;
  };
  /** Debug boxes: every block's rectangle on this page, drawn only with `debug`. */
  readonly boxes: readonly {
    readonly x: number;
    readonly y: number;
    readonly width: number;
    readonly height: number;
  }[];
};
