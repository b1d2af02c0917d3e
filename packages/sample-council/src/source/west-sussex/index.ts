// West Sussex: the Children and Young People's Services Scrutiny Committee and its Quarter 2
// 2021/22 meeting. Minute 33 (paragraphs 33.1–33.6) is VERBATIM from seed 004; Cllr Russell and
// Cllr Nigel Jupp are as the seed names them. The meeting date (17 November 2021), the other
// agenda items, the committee's members, the measures other than re-referrals and every figure
// except the 23% re-referral rate are ILLUSTRATIVE (invented), see README.md.
export { westSussexMeeting } from './meeting.js';
export {
  cllrJupp,
  cllrRussell,
  cypScrutiny,
  westSussex,
  westSussexMembers,
  westSussexPortfolios,
} from './people.js';
export { westSussexAgreements, westSussexMeasures, westSussexResults } from './performance.js';
export { westSussexReports } from './reports.js';
