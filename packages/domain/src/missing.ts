import { Closed, StringEnum, Text, Type, type TSchema } from './schema/kit.js';

/**
 * Missing facts stay missing. Where a source gives no figure, name or date, the record
 * says so with a reason; nothing is invented. `Unknown` is not the same as "none".
 */
export type Unknown = { readonly kind: 'unknown'; readonly reason: string };
export const Unknown = Closed(
  { kind: StringEnum(['unknown'] as const), reason: Text({ maxLength: 2000 }) },
  { title: 'Unknown', description: 'A fact the source does not give, and why (ADR006).' },
);

export const unknown = (reason: string): Unknown => ({ kind: 'unknown', reason });

export const isUnknown = (value: unknown): value is Unknown =>
  typeof value === 'object' &&
  value !== null &&
  (value as { kind?: unknown }).kind === 'unknown' &&
  typeof (value as { reason?: unknown }).reason === 'string';

/** A value, or an explicit statement that it is not known and why. */
export type Maybe<T> = T | Unknown;
/** The schema of `Maybe<T>`: the value, or an `Unknown`. */
export const Maybe = <T extends TSchema>(schema: T) =>
  Type.Unsafe<Maybe<import('@sinclair/typebox').Static<T>>>({ anyOf: [schema, Unknown] });
