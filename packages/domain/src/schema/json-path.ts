/** One step into a document: an object key or an array index. */
export type Segment = string | number;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `$.agendaItems[3].exemption.paragraph`; keys that are not identifiers are quoted: `$["a b"]`. */
export const jsonPath = (segments: readonly Segment[]): string =>
  segments.reduce<string>(
    (path, segment) =>
      typeof segment === 'number'
        ? `${path}[${segment}]`
        : IDENTIFIER.test(segment)
          ? `${path}.${segment}`
          : `${path}[${JSON.stringify(segment)}]`,
    '$',
  );
