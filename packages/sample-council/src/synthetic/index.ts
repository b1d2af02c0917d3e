/**
 * `@scrutineer/sample-council/synthetic`: generated councils of any size for the benchmarks and
 * for tests that need long documents. Unlike the sample, none of it comes from a real council.
 */
export { buildSyntheticCouncil, type SyntheticCouncil } from './synthetic-council.js';
export {
  AGENDA_PACK_PRESET,
  API_BENCH_PRESET,
  checkSyntheticOptions,
  type SyntheticCouncilOptions,
} from './synthetic-options.js';
export {
  buildSyntheticTablePack,
  TABLE_PACK_PRESET,
  type TablePackOptions,
} from './table-pack.generator.js';
