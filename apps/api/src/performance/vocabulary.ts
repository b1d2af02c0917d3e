import type { MeasureFrequency, Polarity } from '@scrutineer/domain';

/** The domain's string unions as lists, for validation and OpenAPI enums. */
export { MEASURE_UNITS } from '@scrutineer/domain';

export const POLARITIES: readonly Polarity[] = ['higher-is-better', 'lower-is-better'];
export const FREQUENCIES: readonly MeasureFrequency[] = [
  'monthly',
  'quarterly',
  'termly',
  'annual',
  'academic-year',
];
