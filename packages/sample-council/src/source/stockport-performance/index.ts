// Stockport CFSE 2021/22: measures, the Portfolio Agreement, results and the two PPRRs.
// Measure codes CFSE.28, CFSE.65, CFSE11, CFSE12(ii), the CFSE11 target (78.8%) and the
// £794,000 SEND reserve come from the seeds; every other figure is ILLUSTRATIVE (invented).
export { cfseAgreement2021, SEND_RESERVE_NAME } from './agreement.js';
export { cfseMeasures } from './measures.js';
export { cfseMidYearReport } from './mid-year-report.js';
export { cfseQ3Report } from './q3-report.js';
export { cfseResults } from './results.js';
