export type { Brand } from './brand.js';
export * from './errors.js';
export * from './missing.js';
export * from './model/index.js';
export * from './rules/dates.js';
export * from './rules/financial-year.js';
export * from './rules/period.js';
