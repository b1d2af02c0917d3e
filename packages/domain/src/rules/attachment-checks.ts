/**
 * The pre-publication check's findings on attached files (issue 12, item 5), read from the
 * pre-flight the API stored with each file when it was uploaded (`AttachedFile.checks`): this
 * rule never reads a file's bytes. A PDF that a screen reader cannot read (untagged, a scan, no
 * title or language, fonts without Unicode) is ATTACHMENT.NOT_ACCESSIBLE; a Word document whose
 * conversion lost something, or that has no headings or images without alt text, is
 * ATTACHMENT.CONVERSION_WARNINGS; a file stored before files were checked is
 * ATTACHMENT.NOT_CHECKED. All warnings: the law does not stop a meeting over an appendix's
 * accessibility, but the clerk should ask the author for an accessible version.
 */
import type { PublicationFinding } from '../contract/publication-check.js';
import type {
  AttachmentChecks,
  DocxAttachmentChecks,
  PdfAttachmentChecks,
} from '../model/attachment-checks.js';
import type { AgendaItem, ItemDocument } from '../model/meeting.js';

type Finder = (
  code: 'ATTACHMENT.NOT_ACCESSIBLE' | 'ATTACHMENT.CONVERSION_WARNINGS' | 'ATTACHMENT.NOT_CHECKED',
  message: string,
) => PublicationFinding;

/** The PDF/UA rules about the document's tags; fonts, metadata and viewer settings are told apart. */
export const isTagRule = (rule: string): boolean =>
  !rule.startsWith('fonts.') &&
  !rule.startsWith('xmp.') &&
  !['catalog.lang', 'catalog.displaydoctitle', 'catalog.outlines'].includes(rule);

/** "pages 3, 4 and 9" (the first ten, then how many more). */
const pageList = (pages: readonly number[]): string => {
  const shown = pages.slice(0, 10).map(String);
  if (shown.length === 1) return `page ${shown[0]}`;
  const more = pages.length - shown.length;
  return more > 0
    ? `pages ${shown.join(', ')} and ${more} more`
    : `pages ${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}`;
};

const joined = (parts: readonly string[]): string =>
  parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;

/** What stops a screen reader reading the PDF, each as a clause after its name; empty when nothing. */
export const pdfAccessibilityProblems = (checks: PdfAttachmentChecks): string[] => {
  const problems: string[] = [];
  if (checks.imageOnly) problems.push('is a scanned image with no text');
  else if (checks.imageOnlyPages.length > 0)
    problems.push(
      `has ${pageList(checks.imageOnlyPages)} that ${checks.imageOnlyPages.length === 1 ? 'is a scanned image' : 'are scanned images'} with no text`,
    );
  if (!checks.tagged)
    problems.push(
      'is not a tagged PDF (a screen reader cannot tell its headings, lists and tables apart)',
    );
  else {
    const tagRules = checks.pdfUaRulesFailed.filter(isTagRule);
    if (tagRules.length > 0)
      problems.push(
        `is tagged, but its tags break the PDF/UA checker’s rules ${tagRules.slice(0, 5).join(', ')}${tagRules.length > 5 ? ` and ${tagRules.length - 5} more` : ''} (a screen reader may read it out of order or miss parts)`,
      );
  }
  if (!checks.hasTitle) problems.push('has no title in its document properties');
  if (checks.language === null) problems.push('does not say what language it is written in');
  if (!checks.fontsUnicodeMapped)
    problems.push(
      'has fonts without Unicode mappings (its text reads aloud and searches as nonsense)',
    );
  if (!checks.fontsEmbedded) problems.push('uses fonts it does not embed');
  return problems;
};

const pdfFinding = (name: string, checks: PdfAttachmentChecks, find: Finder) => {
  const problems = pdfAccessibilityProblems(checks);
  if (problems.length === 0) return [];
  return [
    find(
      'ATTACHMENT.NOT_ACCESSIBLE',
      `${name} ${joined(problems)}: it does not meet WCAG 2.1 AA; ask the author for an accessible version.`,
    ),
  ];
};

const docxFinding = (name: string, checks: DocxAttachmentChecks, find: Finder) => {
  const parts: string[] = [];
  if (checks.headingCount === 0)
    parts.push(
      `${name} has no headings (Word heading styles), so a screen reader cannot move through it by its sections: ask the author to use Heading 1, Heading 2 … for its headings.`,
    );
  if (checks.imagesWithoutAlt > 0)
    parts.push(
      `${name} has ${checks.imagesWithoutAlt === 1 ? 'an image' : `${checks.imagesWithoutAlt} images`} without alt text, which a screen reader cannot describe: ask the author to add it.`,
    );
  // Alt text has its own sentence above; every other warning as the conversion worded it.
  const warnings = checks.warnings.filter((warning) => warning.code !== 'image-without-alt');
  if (warnings.length > 0)
    parts.push(
      `${name} does not print in the pack quite as its author wrote it: ${warnings.map((warning) => warning.message).join(' ')}`,
    );
  if (parts.length === 0) return [];
  return [find('ATTACHMENT.CONVERSION_WARNINGS', parts.join(' '))];
};

/**
 * The findings of one attached document from its stored checks: `checks` null (stored before
 * files were checked) is ATTACHMENT.NOT_CHECKED; absent (a data set read from a file, not from
 * the API) says nothing, as nothing was asked.
 */
export const attachmentFindings = (
  item: AgendaItem,
  document: ItemDocument,
  find: Finder,
): PublicationFinding[] => {
  if (document.content.kind !== 'file') return [];
  const checks: AttachmentChecks | null | undefined = document.content.file.checks;
  const name = `${document.title} (item ${item.number})`;
  if (checks === undefined) return [];
  if (checks === null)
    return [
      find(
        'ATTACHMENT.NOT_CHECKED',
        `${name} was stored before attached files were checked for accessibility, so nothing is known of it: upload it again to have it checked.`,
      ),
    ];
  return checks.kind === 'pdf' ? pdfFinding(name, checks, find) : docxFinding(name, checks, find);
};
