/**
 * fast-check arbitraries from the OpenAPI document's JSON Schemas: values the schema accepts,
 * values at its edges, and hostile values (wrong types, huge and unicode text, NUL and lone
 * surrogates, huge numbers, deep JSON, bad ids).
 */
import fc from 'fast-check';

export type Json = Record<string, unknown>;
export type Document = { paths: Record<string, Record<string, Json>>; components?: Json };
/**
 * How values are made: `valid` keeps to the schema (patterns, lengths, ranges, required fields,
 * ids the data has) so requests reach the handlers and the database; `hostile` strays from it.
 */
export type Context = {
  readonly document: Document;
  readonly hostile: boolean;
  readonly ids: readonly string[];
};

/** Follows `$ref`s into the document's components. */
export const resolver =
  (document: Document) =>
  (schema: unknown): Json => {
    let current = (schema ?? {}) as Json;
    for (let hops = 0; typeof current['$ref'] === 'string' && hops < 20; hops += 1) {
      const path = (current['$ref'] as string).replace(/^#\//, '').split('/');
      current = path.reduce<unknown>((node, key) => (node as Json)?.[key], document) as Json;
    }
    return current ?? {};
  };

const HOSTILE_TEXT = [
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfffy',
  '😀'.repeat(50),
  'Ł中—’"\'\\<script>',
  ' ',
  '%00',
  '../../etc/passwd',
  "'; DROP TABLE meetings; --",
  '99999999999999999999',
  '-1',
  'null',
  'x'.repeat(70_000),
];
const HOSTILE_NUMBERS = [
  -1,
  0,
  2_147_483_648,
  9_007_199_254_740_992,
  1e20,
  -1e20,
  1.5,
  Number.MAX_SAFE_INTEGER,
];

/** Any JSON value, wrong for most schemas. */
const wrongType = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.constantFrom<unknown>(null, true, false, 0, -1, 1e308, '', [], {}, [null], { a: 1 }),
    fc.constantFrom(...HOSTILE_TEXT),
    fc.constantFrom(...HOSTILE_NUMBERS),
  );

/** JSON text of an array or object nested `depth` levels deep (the body limit is 64), built as text. */
export const deepJson = (depth: number, kind: 'array' | 'object'): string =>
  kind === 'array'
    ? `${'['.repeat(depth)}1${']'.repeat(depth)}`
    : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

const NO_NUL = '^[^\\u0000]*$';

const validString = (schema: Json, context: Context, name: string): fc.Arbitrary<string> => {
  const max = typeof schema['maxLength'] === 'number' ? (schema['maxLength'] as number) : 300;
  const min = typeof schema['minLength'] === 'number' ? (schema['minLength'] as number) : 0;
  const format = schema['format'];
  if (format === 'date') return fc.constantFrom('2031-01-01', '2031-06-30', '2032-03-04');
  if (format === 'date-time')
    return fc.constantFrom('2031-01-01T10:00:00.000Z', '2026-01-01T00:00:00Z');
  if (format === 'email') return fc.constantFrom('clerk@example.org', 'o.officer@council.gov.uk');
  if (format === 'uri') return fc.constantFrom('https://example.org/x');
  const examples = Array.isArray(schema['examples']) ? (schema['examples'] as string[]) : [];
  const pattern =
    typeof schema['pattern'] === 'string' && schema['pattern'] !== NO_NUL
      ? (schema['pattern'] as string)
      : null;
  const fits = (text: string): boolean => text.length >= min && text.length <= max;
  const known = context.ids.filter(
    (id) => fits(id) && (pattern === null || new RegExp(pattern, 'u').test(id)),
  );
  const shaped =
    pattern !== null
      ? fc.stringMatching(new RegExp(pattern, 'u')).filter(fits)
      : fc
          .string({
            unit: 'grapheme',
            minLength: Math.max(min, 1),
            maxLength: Math.max(1, Math.min(max, 40)),
          })
          .filter(fits);
  const refersToRow = /(Id|Code|code|id)$/.test(name);
  return fc.oneof(
    { weight: 3, arbitrary: shaped },
    ...(examples.length > 0 ? [{ weight: 2, arbitrary: fc.constantFrom(...examples) }] : []),
    ...(known.length > 0
      ? [{ weight: refersToRow ? 8 : 1, arbitrary: fc.constantFrom(...known) }]
      : []),
  );
};

const hostileString = (schema: Json): fc.Arbitrary<string> => {
  const max = typeof schema['maxLength'] === 'number' ? (schema['maxLength'] as number) : 300;
  const min = typeof schema['minLength'] === 'number' ? (schema['minLength'] as number) : 0;
  return fc.oneof(
    fc.constantFrom(
      'a'.repeat(Math.max(0, min - 1)),
      'a'.repeat(max + 1),
      '2031-13-01',
      '2031-01-01T25:00:00Z',
      'not-an-email',
    ),
    fc.constantFrom(...HOSTILE_TEXT),
    fc.string({ unit: 'binary', maxLength: 30 }),
  );
};

const numberFor = (schema: Json, integer: boolean, hostile: boolean): fc.Arbitrary<number> => {
  if (Array.isArray(schema['enum']) && !hostile)
    return fc.constantFrom(...(schema['enum'] as number[]));
  const min = typeof schema['minimum'] === 'number' ? (schema['minimum'] as number) : -1000;
  const max = typeof schema['maximum'] === 'number' ? (schema['maximum'] as number) : 1_000_000;
  if (!hostile) {
    return fc.oneof(
      {
        weight: 4,
        arbitrary: integer ? fc.integer({ min, max }) : fc.double({ min, max, noNaN: true }),
      },
      { weight: 1, arbitrary: fc.constantFrom(min, max) },
    );
  }
  return fc.constantFrom(min - 1, max + 1, ...HOSTILE_NUMBERS);
};

/**
 * A value for `schema`. Valid mode keeps to it; hostile mode keeps to it mostly and breaks one
 * field in a few (a wrong type, text past its limits, a NUL, a huge number, a missing field).
 */
export const valueFor = (
  context: Context,
  schema: unknown,
  depth = 0,
  name = '',
): fc.Arbitrary<unknown> => {
  const s = resolver(context.document)(schema);
  if (depth > 8) return fc.constant(null);
  const branches = (s['oneOf'] ?? s['anyOf']) as unknown[] | undefined;
  const own: fc.Arbitrary<unknown> = Array.isArray(branches)
    ? fc.oneof(...branches.map((branch) => valueFor(context, branch, depth + 1, name)))
    : typeOf(context, s, depth, name);
  if (!context.hostile) return own;
  return fc.oneof({ weight: 6, arbitrary: own }, { weight: 1, arbitrary: wrongType() });
};

const typeOf = (context: Context, s: Json, depth: number, name: string): fc.Arbitrary<unknown> => {
  const type = Array.isArray(s['type']) ? (s['type'] as string[])[0] : s['type'];
  if (type === 'string') {
    if (Array.isArray(s['enum'])) {
      const values = fc.constantFrom(...(s['enum'] as string[]));
      return context.hostile
        ? fc.oneof({ weight: 4, arbitrary: values }, { weight: 1, arbitrary: hostileString(s) })
        : values;
    }
    const valid = validString(s, context, name);
    return context.hostile
      ? fc.oneof({ weight: 3, arbitrary: valid }, { weight: 1, arbitrary: hostileString(s) })
      : valid;
  }
  if (type === 'integer' || type === 'number') {
    const valid = numberFor(s, type === 'integer', false);
    return context.hostile
      ? fc.oneof(
          { weight: 3, arbitrary: valid },
          { weight: 1, arbitrary: numberFor(s, type === 'integer', true) },
        )
      : valid;
  }
  if (type === 'boolean') return fc.boolean();
  if (type === 'null') return fc.constant(null);
  if (type === 'array') {
    const maxItems = Math.min(typeof s['maxItems'] === 'number' ? (s['maxItems'] as number) : 5, 3);
    const minItems = Math.min(
      typeof s['minItems'] === 'number' ? (s['minItems'] as number) : 0,
      maxItems,
    );
    return fc.array(valueFor(context, s['items'], depth + 1, name), {
      minLength: minItems,
      maxLength: maxItems,
    });
  }
  if (type === 'object' || s['properties'] !== undefined) return objectFor(context, s, depth);
  if (s['additionalProperties'] !== undefined) return fc.constant({});
  return context.hostile ? wrongType() : fc.constant('x');
};

const objectFor = (context: Context, s: Json, depth: number): fc.Arbitrary<unknown> => {
  const properties = (s['properties'] ?? {}) as Json;
  const required = new Set((s['required'] ?? []) as string[]);
  const record: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, property] of Object.entries(properties)) {
    if (resolver(context.document)(property)['readOnly'] === true) continue;
    record[name] = valueFor(context, property, depth + 1, name);
  }
  const names = Object.keys(record);
  const value = fc.record(record, { requiredKeys: names.filter((name) => required.has(name)) });
  if (!context.hostile) return value;
  // Now and then a field missing, or one the schema does not know.
  return value.chain((made) =>
    fc.oneof(
      { weight: 6, arbitrary: fc.constant(made) },
      {
        weight: 1,
        arbitrary: fc.constantFrom(...(names.length > 0 ? names : ['x'])).map((drop) => {
          const copy = { ...(made as Json) };
          delete copy[drop];
          return copy;
        }),
      },
      { weight: 1, arbitrary: fc.constant({ ...(made as Json), unknownField: 1 }) },
    ),
  );
};
