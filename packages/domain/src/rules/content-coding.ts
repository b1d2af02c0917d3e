/*
 * Which content coding a response goes out in (RFC 9110 §12.5.3, Accept-Encoding), and which
 * responses are worth compressing. The API and the public site both answer by these rules, so
 * the two servers compress the same kinds of response the same way; the compressing itself
 * (node:zlib) is each server's.
 */

/** The codings the servers can produce, in the order they prefer them when a client ties. */
export const CONTENT_CODINGS = ['br', 'gzip'] as const;
export type ContentCoding = (typeof CONTENT_CODINGS)[number];

/**
 * Below this many bytes a response goes out as it is: a compressed body would be hardly smaller
 * (or larger), and compressing it costs more than the bytes saved.
 */
export const COMPRESSION_MIN_BYTES = 1024;

/**
 * Text the servers send (HTML, CSS, JavaScript, JSON, CSV, iCalendar, Atom and other XML).
 * Not PDFs, images or archives: they are compressed already.
 */
export const isCompressibleType = (contentType: string | undefined): boolean => {
  if (contentType === undefined) return false;
  const type = contentType.split(';', 1)[0]!.trim().toLowerCase();
  return (
    type.startsWith('text/') ||
    type === 'application/json' ||
    type === 'application/javascript' ||
    type === 'application/xml' ||
    type === 'image/svg+xml' ||
    /^application\/[a-z0-9.!#$&^_-]+\+(json|xml)$/.test(type)
  );
};

const q = (parameters: readonly string[]): number => {
  for (const parameter of parameters) {
    const [name, value] = parameter.split('=').map((part) => part.trim());
    if (name?.toLowerCase() !== 'q' || value === undefined) continue;
    // RFC 9110 §12.4.2: qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] )
    if (!/^(0(\.\d{0,3})?|1(\.0{0,3})?)$/.test(value)) return 0;
    return Number(value);
  }
  return 1;
};

/**
 * The coding to send given the request's Accept-Encoding: the acceptable one with the highest
 * weight, `br` before `gzip` on a tie, or `null` for none (send the body as it is). No header, or
 * an empty one, asks for the body as it is. `*` weighs every coding the header does not name;
 * `x-gzip` is `gzip` (§8.4.1.3); a weight of 0, or one that is not a valid qvalue, refuses; an
 * `identity` weighted above every coding keeps the body as it is.
 */
export const chooseContentCoding = (
  acceptEncoding: string | readonly string[] | undefined,
): ContentCoding | null => {
  if (acceptEncoding === undefined) return null;
  const header = typeof acceptEncoding === 'string' ? acceptEncoding : acceptEncoding.join(',');
  const weights = new Map<string, number>();
  for (const member of header.split(',')) {
    const [rawName, ...parameters] = member.split(';');
    let name = rawName?.trim().toLowerCase() ?? '';
    if (name === '') continue;
    if (name === 'x-gzip') name = 'gzip';
    // The most specific mention wins; a coding named twice keeps its higher weight.
    weights.set(name, Math.max(weights.get(name) ?? 0, q(parameters)));
  }
  let best: ContentCoding | null = null;
  let bestWeight = 0;
  for (const coding of CONTENT_CODINGS) {
    const weight = weights.get(coding) ?? weights.get('*') ?? 0;
    if (weight > bestWeight) {
      best = coding;
      bestWeight = weight;
    }
  }
  // A client that names `identity` above every coding it accepts would rather have the body as it is.
  return (weights.get('identity') ?? 0) > bestWeight ? null : best;
};
