/** The catalog's promises (Marked, Lang, DisplayDocTitle, bookmarks) and its XMP metadata. */
import type { CheckContext } from '../check-context.js';
import { finding, type PdfUaFinding } from '../findings.js';
import { booleanAt, dictAt, entry, streamBytes, textAt } from '../pdf-objects.js';
import { readXmp } from '../read-xmp.js';

/** A BCP 47 tag's shape: a 2–3 letter language, then subtags of 1–8 letters or digits. */
const LANGUAGE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;

export const checkCatalog = ({ catalog }: CheckContext): PdfUaFinding[] => {
  const findings: PdfUaFinding[] = [];
  const markInfo = dictAt(catalog, 'MarkInfo');
  if (markInfo === undefined || booleanAt(markInfo, 'Marked') !== true) {
    findings.push(
      finding(
        'catalog.marked',
        markInfo === undefined ? 'the catalog has no /MarkInfo' : '/MarkInfo /Marked is not true',
      ),
    );
  }
  if (markInfo !== undefined && booleanAt(markInfo, 'Suspects') === true) {
    findings.push(finding('catalog.suspects', '/MarkInfo /Suspects is true'));
  }
  const lang = textAt(catalog, 'Lang');
  if (lang === undefined || !LANGUAGE_TAG.test(lang)) {
    findings.push(
      finding(
        'catalog.lang',
        lang === undefined
          ? 'the catalog has no /Lang'
          : `/Lang ${JSON.stringify(lang)} is not a language tag`,
      ),
    );
  }
  const preferences = dictAt(catalog, 'ViewerPreferences');
  if (preferences === undefined || booleanAt(preferences, 'DisplayDocTitle') !== true) {
    findings.push(
      finding(
        'catalog.displaydoctitle',
        'ViewerPreferences /DisplayDocTitle is not true, so a viewer shows the file name',
      ),
    );
  }
  const outlines = dictAt(catalog, 'Outlines');
  if (outlines === undefined || entry(outlines, 'First') === undefined) {
    findings.push(finding('catalog.outlines', 'the document has no bookmarks'));
  }
  return findings;
};

export const checkXmp = ({ catalog }: CheckContext): PdfUaFinding[] => {
  const bytes = streamBytes(entry(catalog, 'Metadata'));
  if (bytes === undefined) {
    return [
      finding(
        'xmp.wellformed',
        'the catalog has no /Metadata stream, so no dc:title and no pdfuaid:part',
      ),
    ];
  }
  const reading = readXmp(new TextDecoder('utf-8').decode(bytes));
  if (!reading.ok) {
    // A validator's XML parser stops here: it reads neither the title nor the PDF/UA part.
    return [
      finding(
        'xmp.wellformed',
        `the XMP is not well-formed XML, so no dc:title or pdfuaid:part can be read: ${reading.error}`,
      ),
    ];
  }
  const findings: PdfUaFinding[] = [];
  if (reading.fields.title === null || reading.fields.title.trim() === '') {
    findings.push(finding('xmp.dc_title', 'the XMP has no dc:title'));
  }
  if (reading.fields.pdfUaPart !== 1) {
    findings.push(
      finding('xmp.pdfuaid', `pdfuaid:part is ${reading.fields.pdfUaPart ?? 'missing'}, not 1`),
    );
  }
  return findings;
};
