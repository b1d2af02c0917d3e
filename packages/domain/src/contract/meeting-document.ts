/**
 * The whole-document shapes (`MeetingDocument`, `CouncilDataset`) as the API publishes them, for
 * now taken from the domain's hand-written JSON Schema (rules/document-schema.ts) until
 * model/document.ts is itself written in TypeBox.
 *
 * The hand-written schema uses `$ref: '#/$defs/…'` and 2020-12 keywords client generators read
 * as `unknown` (`if`/`else` for nullables, `const`, type arrays). `fromDocumentSchema` rewrites
 * a definition into the kit's conventions: each `$ref` is replaced by the definition it names,
 * titled `Document<Name>` (so the OpenAPI builder lifts it to one component, and its title cannot
 * collide with the TypeBox model shapes of the same name); `if null else T` becomes
 * `anyOf [T, null]`, `Maybe` becomes `anyOf [T, Unknown]`, `const` a one-value `enum`, and each
 * `kind` branch of a discriminated union gets a title, so the discriminator has a mapping. What
 * the schema accepts does not change.
 */
import type { CouncilDataset, MeetingDocument } from '../model/document.js';
import { DOCUMENT_SCHEMA_DEFS } from '../rules/document-schema.js';
import { Type } from '../schema/kit.js';

type Json = Record<string, unknown>;

const DEFS = DOCUMENT_SCHEMA_DEFS as unknown as Readonly<Record<string, Json>>;
/** The two whole documents keep their names; their descriptions are published with them. */
const TOP_LEVEL: Readonly<Record<string, string>> = {
  MeetingDocument:
    'One meeting as a whole document: meeting, attendance, agenda, declarations and minutes.',
  CouncilDataset:
    'A data set: authorities and everything they hold, or the slice a document is drawn from.',
};

const isObject = (value: unknown): value is Json =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

const componentName = (def: string): string => (def in TOP_LEVEL ? def : `Document${def}`);

const pascal = (text: string): string =>
  text.replace(/(^|[-_ ])([a-z0-9])/g, (_, __: string, c: string) => c.toUpperCase());

const typeOfEnum = (values: readonly unknown[]): Json => {
  if (values.every((v) => typeof v === 'string')) return { type: 'string' };
  if (values.every((v) => Number.isInteger(v))) return { type: 'integer' };
  return {};
};

/** The definition `name` of the document schema, in the kit's conventions (see the file's comment). */
export const fromDocumentSchema = (name: string): Json => {
  const convert = (node: unknown, owner: string, stack: readonly string[]): unknown => {
    if (Array.isArray(node)) return node.map((child) => convert(child, owner, stack));
    if (!isObject(node)) return node;
    const reference = node['$ref'];
    if (typeof reference === 'string' && reference.startsWith('#/$defs/')) {
      const target = reference.slice('#/$defs/'.length);
      const def = DEFS[target];
      if (def === undefined) throw new Error(`No document definition ${target}`);
      if (stack.includes(target)) throw new Error(`Recursive document definition ${target}`);
      const body = convert(def, target, [...stack, target]) as Json;
      const description = TOP_LEVEL[target];
      return { ...body, title: componentName(target), ...(description ? { description } : {}) };
    }
    if ('if' in node && 'else' in node) {
      const branches = [convert(node['else'], owner, stack)];
      branches.push(
        'then' in node ? convert(node['then'], owner, stack) : ({ type: 'null' } as Json),
      );
      return { anyOf: branches };
    }
    const out: Json = {};
    for (const [key, value] of Object.entries(node)) {
      out[key] =
        key === 'properties' && isObject(value)
          ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, convert(v, owner, stack)]))
          : convert(value, owner, stack);
    }
    if ('const' in out) {
      const value = out['const'];
      delete out['const'];
      Object.assign(out, typeOfEnum([value]), { enum: [value] });
    }
    if (Array.isArray(out['enum']) && out['type'] === undefined) {
      Object.assign(out, typeOfEnum(out['enum'] as unknown[]));
    }
    if (Array.isArray(out['type'])) {
      const types = out['type'] as string[];
      const { type: _type, ...rest } = out;
      const nonNull = types.filter((t) => t !== 'null');
      const anyOf: Json[] = nonNull.map((t) => ({ ...rest, type: t }));
      if (types.includes('null')) anyOf.push({ type: 'null' });
      return anyOf.length === 1 ? anyOf[0] : { anyOf };
    }
    if (isObject(out['discriminator']) && Array.isArray(out['oneOf'])) {
      out['oneOf'] = (out['oneOf'] as Json[]).map((branch) => {
        const kind = ((branch['properties'] as Json | undefined)?.['kind'] as Json | undefined)?.[
          'enum'
        ] as unknown[] | undefined;
        return typeof branch['title'] === 'string' || typeof kind?.[0] !== 'string'
          ? branch
          : { ...branch, title: `${componentName(owner)}${pascal(kind[0])}` };
      });
    }
    return out;
  };
  return convert({ $ref: `#/$defs/${name}` }, name, []) as Json;
};

/** One meeting as a whole document (what `GET /meetings/{id}/document` answers and imports take). */
export const MeetingDocumentSchema = Type.Unsafe<MeetingDocument>(
  fromDocumentSchema('MeetingDocument'),
);

/** A whole data set, or the slice a document is drawn from (the dataset routes). */
export const CouncilDatasetSchema = Type.Unsafe<CouncilDataset>(
  fromDocumentSchema('CouncilDataset'),
);
