// The whole sample data set, assembled from the typed sources. `npm run generate` writes it to
// data/sample-council.json; sample-council.spec.ts fails when the JSON and these sources differ.
import { DOCUMENT_SCHEMA_VERSION, type CouncilDataset } from '@scrutineer/domain';
import {
  corporateResourcesScrutiny,
  flintshire,
  flintshireMeeting,
  flintshireMembers,
} from './flintshire/index.js';
import { stockportMeetings } from './stockport-meetings/index.js';
import {
  cfseAgreement2021,
  cfseMeasures,
  cfseMidYearReport,
  cfseQ3Report,
  cfseResults,
} from './stockport-performance/index.js';
import {
  cfsePortfolio,
  childrenAndFamiliesScrutiny,
  stockport,
  stockportMembers,
} from './stockport-people.data.js';
import {
  cypScrutiny,
  westSussex,
  westSussexAgreements,
  westSussexMeasures,
  westSussexMeeting,
  westSussexMembers,
  westSussexPortfolios,
  westSussexReports,
  westSussexResults,
} from './west-sussex/index.js';

export const sampleCouncilSource: CouncilDataset = {
  schemaVersion: DOCUMENT_SCHEMA_VERSION,
  authorities: [stockport, westSussex, flintshire],
  members: [...stockportMembers, ...westSussexMembers, ...flintshireMembers],
  committees: [childrenAndFamiliesScrutiny, cypScrutiny, corporateResourcesScrutiny],
  portfolios: [cfsePortfolio, ...westSussexPortfolios],
  measures: [...cfseMeasures, ...westSussexMeasures],
  agreements: [cfseAgreement2021, ...westSussexAgreements],
  results: [...cfseResults, ...westSussexResults],
  performanceReports: [cfseMidYearReport, cfseQ3Report, ...westSussexReports],
  meetings: [...stockportMeetings, westSussexMeeting, flintshireMeeting],
};
