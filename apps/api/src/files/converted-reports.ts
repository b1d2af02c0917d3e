import { DOCX_CONVERTER_VERSION } from '@scrutineer/reporter';

/**
 * The strong entity tag of a Word document's converted form: its file's SHA-256 and the
 * converter's version (the same bytes convert to the same blocks under the same version, and
 * the stored conversion answered is always the current converter's, file-conversions.ts), and
 * the content coding the body goes out in, since a compressed body is another representation
 * (RFC 9110 §8.8.3). It is known before anything is read.
 */
export const convertedTag = (sha256: string, coding: string | null): string =>
  `"${sha256}-docx${DOCX_CONVERTER_VERSION}${coding === null ? '' : `-${coding}`}"`;
