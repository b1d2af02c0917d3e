import {
  type CouncilDataset,
  DOCUMENT_SCHEMA_VERSION,
  type MeetingDocument,
} from '@scrutineer/domain';
import { type EntityManager, In } from 'typeorm';
import { AGREEMENT_RELATIONS } from '../agreements/agreements.service.js';
import { AgreementEntity } from '../agreements/agreement.entity.js';
import * as agreementMapper from '../agreements/agreement.mapper.js';
import { AuthorityEntity } from '../authorities/authority.entity.js';
import * as authorityMapper from '../authorities/authority.mapper.js';
import { CommitteeMembershipEntity } from '../committees/committee-membership.entity.js';
import { CommitteeEntity } from '../committees/committee.entity.js';
import * as committeeMapper from '../committees/committee.mapper.js';
import { MeasureEntity } from '../measures/measure.entity.js';
import * as measureMapper from '../measures/measure.mapper.js';
import { MemberEntity } from '../members/member.entity.js';
import * as memberMapper from '../members/member.mapper.js';
import { PerformanceReportEntity } from '../performance-reports/performance-report.entity.js';
import * as reportMapper from '../performance-reports/performance-report.mapper.js';
import { PortfolioEntity } from '../portfolios/portfolio.entity.js';
import * as portfolioMapper from '../portfolios/portfolio.mapper.js';
import { MeasureResultEntity } from '../results/measure-result.entity.js';
import * as resultMapper from '../results/measure-result.mapper.js';

/**
 * The slice of the data set a meeting's documents need, in the domain's shape: the meeting,
 * the people and committees, and for every performance report on the agenda its portfolio's
 * measures, agreement targets and results.
 */
export const loadMeetingDataset = (
  manager: EntityManager,
  document: MeetingDocument,
): Promise<CouncilDataset> =>
  loadDatasetSlice(manager, {
    meetings: [document],
    reportIds: document.agendaItems.flatMap((item) =>
      item.documents.flatMap((doc) =>
        doc.content.kind === 'performance-report' ? [doc.content.performanceReportId] : [],
      ),
    ),
  });

/** The people, committees and portfolios, the given meetings, and the given reports with what they print. */
export const loadDatasetSlice = async (
  manager: EntityManager,
  slice: { readonly meetings: readonly MeetingDocument[]; readonly reportIds: readonly string[] },
): Promise<CouncilDataset> => {
  const reportIds = [...new Set(slice.reportIds)];
  const [authorities, members, committees, seats, portfolios, reports] = await Promise.all([
    manager.find(AuthorityEntity),
    manager.find(MemberEntity),
    manager.find(CommitteeEntity),
    manager.find(CommitteeMembershipEntity),
    manager.find(PortfolioEntity),
    reportIds.length === 0
      ? Promise.resolve([])
      : manager.find(PerformanceReportEntity, {
          where: { id: In(reportIds) },
          relations: { moneyLines: true },
        }),
  ]);
  const codes = [...new Set(reports.map((r) => r.portfolioCode))];
  const [measures, agreements, results] =
    codes.length === 0
      ? [[], [], []]
      : await Promise.all([
          manager.find(MeasureEntity, { where: { portfolioCode: In(codes) } }),
          manager.find(AgreementEntity, {
            where: { portfolioCode: In(codes) },
            relations: AGREEMENT_RELATIONS,
          }),
          manager.find(MeasureResultEntity, { where: { portfolioCode: In(codes) } }),
        ]);
  return {
    schemaVersion: DOCUMENT_SCHEMA_VERSION,
    authorities: authorities.map(authorityMapper.toDomain),
    members: members.map(memberMapper.toDomain),
    committees: committees.map((c) =>
      committeeMapper.toDomain(
        c,
        seats.filter((s) => s.committeeId === c.id),
      ),
    ),
    portfolios: portfolios.map(portfolioMapper.toDomain),
    measures: measures.map(measureMapper.toDomain),
    agreements: agreements.map(agreementMapper.toDomain),
    results: results.map(resultMapper.toDomain),
    performanceReports: reports.map(reportMapper.toDomain),
    meetings: [...slice.meetings],
  };
};
