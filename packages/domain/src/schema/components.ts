/**
 * From shapes to a published contract: every titled schema becomes one named component and
 * every place it appears refers to it (`$ref`), and each shape has a request form without the
 * fields the server owns. The API's OpenAPI document and the published JSON Schemas use these.
 */
import type { TSchema } from '@sinclair/typebox';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** Copies a schema as plain JSON (drops TypeBox's symbol keys). */
const plain = (schema: unknown): unknown => JSON.parse(JSON.stringify(schema)) as unknown;

/**
 * The request form of a shape: `readOnly` properties removed (from `properties` and `required`),
 * all the way down, and every titled shape that changed renamed `<Title>Request`. A shape with
 * no server fields keeps its title, so requests and responses share it.
 */
export const requestForm = (schema: TSchema | Json): Json => {
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (!isObject(node)) return node;
    const out: Json = {};
    for (const [key, value] of Object.entries(node)) {
      if (key === 'properties' && isObject(value)) {
        out[key] = Object.fromEntries(
          Object.entries(value)
            .filter(([, property]) => !(isObject(property) && property['readOnly'] === true))
            .map(([name, property]) => [name, walk(property)]),
        );
      } else out[key] = walk(value);
    }
    if (isObject(node['properties']) && Array.isArray(node['required'])) {
      const properties = out['properties'] as Json;
      out['required'] = (node['required'] as string[]).filter((name) => name in properties);
    }
    if (typeof out['title'] === 'string' && JSON.stringify(out) !== JSON.stringify(plain(node))) {
      out['title'] = `${out['title']}Request`;
    }
    return out;
  };
  return walk(plain(schema)) as Json;
};

/** The request form the server validates: server fields allowed (and then ignored), not required. */
export const acceptingReadOnly = (schema: TSchema | Json): Json => {
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (!isObject(node)) return node;
    const out: Json = {};
    for (const [key, value] of Object.entries(node)) out[key] = walk(value);
    if (isObject(node['properties']) && Array.isArray(node['required'])) {
      const properties = node['properties'];
      out['required'] = (node['required'] as string[]).filter(
        (name) => !(isObject(properties[name]) && properties[name]['readOnly'] === true),
      );
    }
    return out;
  };
  return walk(plain(schema)) as Json;
};

/**
 * Removes, in place, the server's fields a caller sent back (what it read, returned as is), so a
 * service never sees them. Follows the schema: nullable and discriminated unions (a nullable
 * tagged union too), lists and maps.
 */
export const stripReadOnly = (schema: TSchema | Json, value: unknown): unknown => {
  const walk = (node: Json, data: unknown): void => {
    if (Array.isArray(data) && isObject(node['items'])) {
      for (const item of data) walk(node['items'], item);
      return;
    }
    if (!isObject(data)) return;
    if (Array.isArray(node['oneOf']) || Array.isArray(node['anyOf'])) {
      const branches = (node['oneOf'] ?? node['anyOf']) as Json[];
      const branch = branches.find(
        (candidate) =>
          // A union inside a union (a nullable tagged union): follow it to the branch `kind` names.
          Array.isArray(candidate['oneOf']) ||
          Array.isArray(candidate['anyOf']) ||
          (isObject(candidate['properties']) &&
            (!isObject(candidate['properties']['kind']) ||
              !Array.isArray((candidate['properties']['kind'] as Json)['enum']) ||
              ((candidate['properties']['kind'] as Json)['enum'] as unknown[]).includes(
                data['kind'],
              ))),
      );
      if (branch) walk(branch, data);
      return;
    }
    const properties = isObject(node['properties']) ? node['properties'] : {};
    for (const [name, property] of Object.entries(properties)) {
      if (!isObject(property) || !(name in data)) continue;
      if (property['readOnly'] === true) delete data[name];
      else walk(property, data[name]);
    }
    // A map's values (MapOf): each one has the values' shape.
    const values = node['additionalProperties'];
    if (isObject(values)) {
      for (const [name, item] of Object.entries(data))
        if (!(name in properties)) walk(values, item);
    }
  };
  walk(schema as Json, value);
  return value;
};

/**
 * Lifts every titled schema inside `schema` into `components` (keyed by title) and replaces it by
 * a `$ref` built with `refTo`. Two different shapes under one title are a programming error.
 */
export const liftNamedShapes = (
  schema: TSchema | Json,
  components: Record<string, Json>,
  refTo: (name: string) => string,
  options: {
    readonly keepRoot?: boolean;
    /** Add OpenAPI's `discriminator.mapping` (default true; Ajv refuses it in plain JSON Schema). */
    readonly discriminatorMapping?: boolean;
  } = {},
): Json => {
  const lift = (node: unknown, isRoot: boolean): unknown => {
    if (Array.isArray(node)) return node.map((child) => lift(child, false));
    if (!isObject(node)) return node;
    const body: Json = {};
    for (const [key, value] of Object.entries(node)) {
      body[key] =
        key === 'properties' && isObject(value)
          ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, lift(v, false)]))
          : lift(value, false);
    }
    if (
      options.discriminatorMapping !== false &&
      isObject(node['discriminator']) &&
      Array.isArray(node['oneOf'])
    ) {
      const mapping: Record<string, string> = {};
      (node['oneOf'] as Json[]).forEach((branch, index) => {
        const kind = (branch['properties'] as Json | undefined)?.['kind'] as Json | undefined;
        const lifted = (body['oneOf'] as Json[])[index];
        const tag = (kind?.['enum'] as unknown[] | undefined)?.[0];
        if (typeof tag === 'string' && typeof lifted?.['$ref'] === 'string') {
          mapping[tag] = lifted['$ref'];
        }
      });
      if (Object.keys(mapping).length === (node['oneOf'] as unknown[]).length) {
        body['discriminator'] = { ...(node['discriminator'] as Json), mapping };
      }
    }
    const title = node['title'];
    if (typeof title !== 'string' || (isRoot && options.keepRoot === true)) return body;
    const readOnly = body['readOnly'] === true;
    delete body['readOnly'];
    const existing = components[title];
    if (existing !== undefined && JSON.stringify(existing) !== JSON.stringify(body)) {
      throw new Error(`Two different shapes are both titled ${title}`);
    }
    components[title] = body;
    const reference: Json = { $ref: refTo(title) };
    // OpenAPI 3.1 / 2020-12 allow siblings of $ref: keep readOnly so clients see it.
    if (readOnly) reference['readOnly'] = true;
    return reference;
  };
  return lift(plain(schema), true) as Json;
};
