import type { Brand } from '../brand.js';
import { Type } from '../schema/kit.js';

/**
 * Money as a whole number of pence. Never a binary fraction of pounds: £794,000 is
 * `79_400_000`. Exact for any amount a council handles (safe integers reach £90 trillion).
 * Made by `pence()` / `poundsToPence()` in rules/money.ts.
 */
export type Pence = Brand<number, 'Pence'>;
export const Pence = Type.Unsafe<Pence>(
  Type.Integer({
    title: 'Pence',
    minimum: Number.MIN_SAFE_INTEGER,
    maximum: Number.MAX_SAFE_INTEGER,
    description: 'Money as a whole number of pence: £794,000 is 79400000.',
  }),
);
