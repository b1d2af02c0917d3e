/**
 * What the PDF/UA checker reports. Each rule names a PDF/UA-1 (ISO 14289-1) requirement as the
 * Matterhorn Protocol's machine checks test it; the names are those of the workplace's
 * independent checker (`shared/checks/pdfua-check.py`), with two added: `struct.tree` for a tree
 * that is not a tree (an element reached twice, a wrong `/P`, a kid that is no kind of kid) and
 * `fonts.cidset` for a CIDSet that does not match its font program.
 */
export const PDF_UA_RULES = {
  'catalog.marked': 'MarkInfo /Marked true (Matterhorn 06-001)',
  'catalog.suspects': 'MarkInfo /Suspects not true (01-002)',
  'catalog.lang': 'the catalog has a BCP 47 /Lang (11-006)',
  'catalog.displaydoctitle': 'ViewerPreferences /DisplayDocTitle true (07-002)',
  'catalog.outlines': 'the document has bookmarks',
  'xmp.wellformed': 'the XMP metadata stream is well-formed XML (06-002)',
  'xmp.dc_title': 'the XMP has a non-empty dc:title (06-003)',
  'xmp.pdfuaid': 'the XMP has pdfuaid:part 1 (06-002)',
  'struct.root': 'a StructTreeRoot with a ParentTree (01-?)',
  'struct.tree':
    'the structure tree is a tree: each element once, /P its parent, kids of known kinds',
  'struct.types':
    'every structure type is standard or role-mapped to one; no standard type remapped (02-001..004)',
  'content.tagged': 'every painted item is inside tagged (MCID) content or an Artifact (01-005)',
  'content.nesting':
    'marked content is balanced; no Artifact inside tagged content or the reverse; each MCID once a page (01-003/4)',
  'mcid.reachable': 'every MCID on a page is in the tree and found through the ParentTree',
  'mcid.referenced': 'every MCID the tree names exists on its page',
  'pages.structparents':
    'every page with MCIDs has /StructParents with a ParentTree entry, no two alike',
  'headings.first_h1': 'the first numbered heading is H1 (14-002)',
  'headings.no_skip': 'no heading is more than one level below the heading before it (14-003)',
  'headings.h_vs_hn': 'H and H1–H6 are not both used (14-006/007)',
  'tables.structure': 'Table > (THead|TBody|TFoot >) TR > TH|TD, and those only there (15-?)',
  'tables.th_scope': 'every TH has a Table attribute /Scope Row, Column or Both (15-003)',
  'tables.regular': 'every row of a table spans the same number of columns, spans counted (15-?)',
  'lists.structure': 'L > LI > Lbl|LBody, and those only there (16-001..003)',
  'figures.alt': 'every Figure and Formula has /Alt or /ActualText (13-004)',
  'notes.id': 'every Note has an /ID, unique in the document (19-003, 19-004)',
  'links.tagged':
    'every Link annotation is an OBJR of a Link element, found through its /StructParent; every Link element has one (28-011)',
  'links.contents': 'every Link annotation has a /Contents description (28-004)',
  'annots.tagged': 'every other annotation (Popup aside) is in the structure tree (28-002)',
  'pages.tabs': 'every page with annotations has /Tabs /S (28-010)',
  'fonts.embedded': 'every font used is embedded: FontFile, FontFile2 or FontFile3 (31-001)',
  'fonts.tounicode':
    'every font used has a ToUnicode CMap mapping every code shown to real text (31-027)',
  'fonts.notdef': 'no .notdef glyph (code 0) is shown (31-030)',
  'fonts.cidtogid': 'every CIDFontType2 font has a CIDToGIDMap (31-?)',
  'fonts.cidset': "a CID font's CIDSet names exactly the CIDs its program holds (7.21.4.2)",
} as const;

export type PdfUaRule = keyof typeof PDF_UA_RULES;

/** Where a finding is: any of a 1-based page, an object reference, a structure path. */
export type PdfUaWhere = {
  readonly page?: number;
  /** An indirect object, `12 0 R`. */
  readonly ref?: string;
  /** The structure element's path from the root, e.g. `Document/Sect[2]/Table[1]/TR[3]`. */
  readonly path?: string;
};

export type PdfUaFinding = {
  readonly rule: PdfUaRule;
  readonly message: string;
  readonly where: PdfUaWhere;
};

export const finding = (
  rule: PdfUaRule,
  message: string,
  where: PdfUaWhere = {},
): PdfUaFinding => ({
  rule,
  message,
  where,
});
