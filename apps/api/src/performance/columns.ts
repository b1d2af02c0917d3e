import type { ValueTransformer } from 'typeorm';

/**
 * Money columns are bigint pence. PostgreSQL (through `pg`) hands bigint back as a string,
 * SQLite as a number; both become a number here, and the mappers brand it with the domain's `pence()`,
 * which fails loudly on anything that is not a safe integer.
 */
export const penceColumn: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null ? null : Number(value)),
};
