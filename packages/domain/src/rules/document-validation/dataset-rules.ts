/**
 * A whole data set: ids unique, and every cross reference resolves (committees and portfolios to
 * authorities, meetings to committees and performance reports, people to members). Composes the
 * other groups in the order their problems are reported.
 */
import type { Problem } from '../../errors.js';
import type { CouncilDataset } from '../../model/document.js';
import { exemptionRegionRules } from './exemption-rules.js';
import { meetingRules } from './meeting-rules.js';
import { municipalYearRules } from './municipal-year-rules.js';
import { performanceRules } from './performance-rules.js';
import { duplicates, unknownReference } from './problems.js';
import { memberReferences as namedPeople } from '../member-references.js';
import { membershipProblems } from '../membership.js';

/** Each id (or code, or agreement per portfolio and year) once in its collection. */
const uniquenessRules = (dataset: CouncilDataset): Problem[] => [
  ...duplicates(
    dataset.authorities,
    (a) => a.id,
    (i) => ['authorities', i, 'id'],
    'Authority id',
  ),
  ...duplicates(
    dataset.members,
    (m) => m.id,
    (i) => ['members', i, 'id'],
    'Member id',
  ),
  ...duplicates(
    dataset.committees,
    (c) => c.id,
    (i) => ['committees', i, 'id'],
    'Committee id',
  ),
  ...duplicates(
    dataset.portfolios,
    (p) => p.code,
    (i) => ['portfolios', i, 'code'],
    'Portfolio code',
  ),
  ...duplicates(
    dataset.measures,
    (m) => m.code,
    (i) => ['measures', i, 'code'],
    'Measure code',
  ),
  ...duplicates(
    dataset.agreements,
    (a) => `${a.portfolioCode} ${a.year}`,
    (i) => ['agreements', i],
    'Agreement for',
  ),
  ...duplicates(
    dataset.performanceReports,
    (r) => r.id,
    (i) => ['performanceReports', i, 'id'],
    'Performance report id',
  ),
  ...duplicates(
    dataset.meetings,
    (m) => m.meeting.id,
    (i) => ['meetings', i, 'meeting', 'id'],
    'Meeting id',
  ),
];

/**
 * Committees and portfolios belong to authorities the data set has, committees to its portfolios;
 * a committee's membership periods end after they start and never hold one member twice a day.
 */
const organisationReferences = (dataset: CouncilDataset): Problem[] => {
  const problems: Problem[] = [];
  const authorityIds = new Set<string>(dataset.authorities.map((a) => a.id));
  const portfolioCodes = new Set<string>(dataset.portfolios.map((p) => p.code));
  dataset.committees.forEach((committee, i) => {
    if (!authorityIds.has(committee.authorityId))
      problems.push(
        unknownReference(['committees', i, 'authorityId'], 'Authority', committee.authorityId),
      );
    problems.push(...membershipProblems(committee.memberships, ['committees', i, 'memberships']));
    committee.portfolioCodes.forEach((code, j) => {
      if (!portfolioCodes.has(code))
        problems.push(unknownReference(['committees', i, 'portfolioCodes', j], 'Portfolio', code));
    });
  });
  dataset.portfolios.forEach((portfolio, i) => {
    if (!authorityIds.has(portfolio.authorityId))
      problems.push(
        unknownReference(['portfolios', i, 'authorityId'], 'Authority', portfolio.authorityId),
      );
  });
  return problems;
};

/**
 * Per meeting, in turn: its Schedule 12A paragraphs against its authority's nation, its committee,
 * the performance reports its agenda carries, its own rules.
 */
const meetingsRules = (dataset: CouncilDataset): Problem[] => {
  const problems: Problem[] = [];
  const committeeIds = new Set<string>(dataset.committees.map((c) => c.id));
  const reportIds = new Set<string>(dataset.performanceReports.map((r) => r.id));
  const regionOf = new Map(
    dataset.committees.map((c) => [
      c.id as string,
      dataset.authorities.find((a) => a.id === c.authorityId)?.region,
    ]),
  );
  dataset.meetings.forEach((document, m) => {
    const region = regionOf.get(document.meeting.committeeId);
    if (region !== undefined)
      problems.push(...exemptionRegionRules(document, region, ['meetings', m]));
    if (!committeeIds.has(document.meeting.committeeId)) {
      problems.push(
        unknownReference(
          ['meetings', m, 'meeting', 'committeeId'],
          'Committee',
          document.meeting.committeeId,
        ),
      );
    }
    document.agendaItems.forEach((item, i) => {
      item.documents.forEach((itemDocument, d) => {
        if (
          itemDocument.content.kind === 'performance-report' &&
          !reportIds.has(itemDocument.content.performanceReportId)
        ) {
          problems.push(
            unknownReference(
              ['meetings', m, 'agendaItems', i, 'documents', d, 'content', 'performanceReportId'],
              'Performance report',
              itemDocument.content.performanceReportId,
            ),
          );
        }
      });
    });
    problems.push(...meetingRules(document, ['meetings', m]));
  });
  return problems;
};

/** Every person named anywhere (`{ name, memberId }`) is a member of the data set. */
const memberReferences = (dataset: CouncilDataset): Problem[] => {
  const memberIds = new Set<string>(dataset.members.map((m) => m.id));
  return namedPeople(dataset)
    .filter(({ memberId }) => !memberIds.has(memberId))
    .map(({ memberId, segments }) => unknownReference([...segments], 'Member', memberId));
};

/** Every semantic problem of a data set whose structure is sound. */
export const datasetRules = (dataset: CouncilDataset): Problem[] => [
  ...uniquenessRules(dataset),
  ...organisationReferences(dataset),
  ...performanceRules(dataset),
  ...meetingsRules(dataset),
  ...municipalYearRules(dataset),
  ...memberReferences(dataset),
];
