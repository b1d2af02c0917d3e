import type { Brand } from '../brand.js';

/**
 * Money as a whole number of pence. Never a binary fraction of pounds: £794,000 is
 * `79_400_000`. Exact for any amount a council handles (safe integers reach £90 trillion).
 * Made by `pence()` / `poundsToPence()` in rules/money.ts.
 */
export type Pence = Brand<number, 'Pence'>;
