/**
 * Request bodies above this are refused with 413 (a whole meeting document fits easily). The body
 * parser, the 413 problem and the OpenAPI document all read it from here.
 */
export const BODY_LIMIT_BYTES = 2 * 1024 * 1024;

/** The limit as people read it. */
export const BODY_LIMIT_TEXT = '2 MB';
