/**
 * The building blocks every shape is made of (ADR010). Each shape is a TypeBox schema, i.e. plain
 * JSON Schema draft 2020-12, and its static type is derived from it (`Shape<typeof X>`), so the
 * validator, the OpenAPI document and the TypeScript types cannot disagree.
 *
 * Conventions, kept by these helpers:
 * - Objects are closed (`additionalProperties: false`): an unknown field is an error, not ignored.
 * - A schema with a `title` is a named shape: the OpenAPI document publishes it once as a
 *   component and refers to it (components.ts); untitled schemas stay inline.
 * - Nullable is `anyOf: [T, null]`; enumerations are `type: string` + `enum`; a union of objects
 *   tagged by `kind` is `oneOf` + `discriminator`, so clients narrow it and errors name one branch.
 * - Fields the server owns (`id`, `version`, `createdAt`, …) are `readOnly`: a request may send
 *   them back (they are ignored) and request components leave them out.
 */
import {
  Type,
  type Static,
  type TObject,
  type TProperties,
  type TSchema,
  type TUnsafe,
  type ObjectOptions,
  type SchemaOptions,
  type StringOptions,
} from '@sinclair/typebox';

export { Type };
export type { TSchema, TObject, TProperties, Static };

/** The static type of a schema, read-only all the way down like the domain's hand-written types. */
export type Shape<S extends TSchema> = DeepReadonly<Static<S>>;

type DeepReadonly<T> = T extends string | number | boolean | bigint | symbol | null | undefined
  ? T
  : T extends (infer E)[]
    ? readonly DeepReadonly<E>[]
    : T extends object
      ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
      : T;

/** Lengths and sizes every list and text field is bounded by (413 stops whole bodies; these stop fields). */
export const LIMITS = {
  /** An identifier or code (the database's id columns are this wide). */
  id: 64,
  /** A person's name. */
  name: 200,
  /** A title, label or line of text (the database's text columns are this wide). */
  line: 300,
  /** A paragraph, summary or minute text. */
  paragraph: 20_000,
  /** A list a person types (directors, attendees, recommendations). */
  shortList: 200,
  /** A list a system sends (an agenda's items, a year's results). */
  longList: 5_000,
} as const;

/** A closed object: every listed property (optional ones via `Type.Optional`), nothing else. */
export const Closed = <P extends TProperties>(properties: P, options: ObjectOptions = {}) =>
  Type.Object(properties, { additionalProperties: false, ...options });

/** No NUL character: PostgreSQL's text columns cannot hold one (it would be a 500, not a 400). */
export const NO_NUL_PATTERN = '^[^\\u0000]*$';

/**
 * Text of at most `maxLength` characters (default `LIMITS.line`; never more than its column
 * holds), non-empty unless `minLength: 0`, without NUL characters.
 */
export const Text = (options: StringOptions = {}) =>
  Type.String({ minLength: 1, maxLength: LIMITS.line, pattern: NO_NUL_PATTERN, ...options });

/** `T | null`: a fact that may be absent (ADR006), reported at its own path when it is wrong. */
export const Nullable = <T extends TSchema>(schema: T, options: SchemaOptions = {}) =>
  Type.Union([schema, Type.Null()], options);

/** A string from a fixed list, published as `enum` (the list is the one `as const` array). */
export const StringEnum = <const V extends readonly [string, ...string[]]>(
  values: V,
  options: SchemaOptions = {},
): TUnsafe<V[number]> => Type.Unsafe<V[number]>({ type: 'string', enum: [...values], ...options });

/** An integer from a fixed list (a Schedule 12A paragraph, a quarter). */
export const IntegerEnum = <const V extends readonly [number, ...number[]]>(
  values: V,
  options: SchemaOptions = {},
): TUnsafe<V[number]> => Type.Unsafe<V[number]>({ type: 'integer', enum: [...values], ...options });

/** A string whose static type is a domain brand (`LocalDate`, `MeasureCode`), checked by the schema. */
export const BrandedString = <B extends string>(options: StringOptions): TUnsafe<B> =>
  Type.Unsafe<B>(Type.String(options));

/** A list bounded by `maxItems` (default a short list). */
export const List = <T extends TSchema>(
  items: T,
  options: { maxItems?: number } & SchemaOptions = {},
) => Type.Array(items, { maxItems: LIMITS.shortList, ...options });

/** One branch of a `kind`-tagged union: a closed object whose `kind` is the given literal. */
export const Variant = <K extends string, P extends TProperties>(
  kind: K,
  properties: P,
  options: ObjectOptions = {},
) => Closed({ kind: StringEnum([kind] as const), ...properties }, options);

/**
 * A union tagged by `kind`: `oneOf` with an OpenAPI `discriminator`, so a generated client
 * narrows on `kind` and the validator reports only the branch that `kind` names.
 */
export const KindUnion = <T extends TObject[]>(variants: [...T], options: SchemaOptions = {}) =>
  Type.Unsafe<Static<T[number]>>({
    type: 'object',
    discriminator: { propertyName: 'kind' },
    oneOf: variants,
    ...options,
  });

/** A field the server sets: shown in responses, ignored in requests (OpenAPI `readOnly`). */
export const ReadOnly = <T extends TSchema>(schema: T): T => ({ ...schema, readOnly: true });

/** A map from free keys to values of one shape (an audit event's `changes`), documented as such. */
export const MapOf = <T extends TSchema>(values: T, options: SchemaOptions = {}) =>
  Type.Unsafe<Record<string, Static<T>>>({
    type: 'object',
    additionalProperties: values,
    maxProperties: LIMITS.shortList,
    ...options,
  });
