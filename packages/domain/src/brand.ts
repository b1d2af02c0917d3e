/** A nominal type: a `string` or `number` that only a validating constructor can make. */
export type Brand<T, B extends string> = T & { readonly __brand: B };
