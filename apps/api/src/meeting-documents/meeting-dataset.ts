import { Injectable } from '@nestjs/common';
import {
  type Committee,
  type CouncilDataset,
  DOCUMENT_SCHEMA_VERSION,
  type MeetingDocument,
  type PerformanceReport,
} from '@scrutineer/domain';
import { AgreementsService } from '../agreements/agreements.service.js';
import { AuthoritiesService } from '../authorities/authorities.service.js';
import { CommitteesService } from '../committees/committees.service.js';
import { MeasuresService } from '../measures/measures.service.js';
import { MembersService } from '../members/members.service.js';
import { PerformanceReportsService } from '../performance-reports/performance-reports.service.js';
import { PortfoliosService } from '../portfolios/portfolios.service.js';
import { ResultsService } from '../results/results.service.js';

const unique = <T>(values: readonly T[]): T[] => [...new Set(values)];

/** The performance reports a meeting's agenda carries, in agenda order, each once. */
export const referencedReportIds = (document: MeetingDocument): string[] =>
  unique(
    document.agendaItems.flatMap((item) =>
      item.documents.flatMap((doc) =>
        doc.content.kind === 'performance-report' ? [doc.content.performanceReportId] : [],
      ),
    ),
  );

/**
 * Builds the slice of the data set a document needs, in the domain's shape, from the resource
 * services' own domain reads (no second set of queries): the meeting's committee and authority,
 * its members and portfolios, and for every performance report its portfolio, the measures it
 * reports, their results (trends need the history) and the agreement that sets their targets.
 */
@Injectable()
export class MeetingDatasetLoader {
  constructor(
    private readonly authorities: AuthoritiesService,
    private readonly committees: CommitteesService,
    private readonly members: MembersService,
    private readonly portfolios: PortfoliosService,
    private readonly reports: PerformanceReportsService,
    private readonly measures: MeasuresService,
    private readonly results: ResultsService,
    private readonly agreements: AgreementsService,
  ) {}

  /** What the meeting's agenda pack and minutes need. Pass the document the caller may see. */
  async forMeeting(document: MeetingDocument): Promise<CouncilDataset> {
    const [committee, reports] = await Promise.all([
      this.committees.findDomain(document.meeting.committeeId),
      Promise.all(referencedReportIds(document).map((id) => this.reports.findDomain(id))),
    ]);
    return this.slice([committee], [document], reports);
  }

  /** What a performance report on its own needs; 404 when there is no such report. */
  async forReport(reportId: string): Promise<CouncilDataset> {
    return this.slice([], [], [await this.reports.findDomain(reportId)]);
  }

  private async slice(
    committees: readonly Committee[],
    meetings: readonly MeetingDocument[],
    reports: readonly PerformanceReport[],
  ): Promise<CouncilDataset> {
    const measureCodes = unique(
      reports.flatMap((report) => report.partOne.flatMap((update) => update.measureCodes)),
    );
    const agreementKeys = unique(reports.map((r) => `${r.portfolioCode}\u0000${r.year}`));
    const [portfolios, members, measures, results, agreements] = await Promise.all([
      this.portfolios.findDomain([
        ...committees.flatMap((committee) => committee.portfolioCodes),
        ...reports.map((report) => report.portfolioCode),
      ]),
      this.members.findDomain(
        committees.flatMap((committee) =>
          committee.memberships.flatMap((seat) =>
            seat.member.memberId === null ? [] : [seat.member.memberId],
          ),
        ),
      ),
      this.measures.findDomain(measureCodes),
      this.results.findDomainForMeasures(measureCodes),
      Promise.all(
        agreementKeys.map((key) => {
          const [code = '', year = ''] = key.split('\u0000');
          return this.agreements.findDomain(code, year);
        }),
      ),
    ]);
    const authorityIds = unique([
      ...committees.map((committee) => committee.authorityId),
      ...portfolios.map((portfolio) => portfolio.authorityId),
    ]);
    return {
      schemaVersion: DOCUMENT_SCHEMA_VERSION,
      authorities: await Promise.all(authorityIds.map((id) => this.authorities.findDomain(id))),
      members,
      committees: [...committees],
      portfolios,
      measures,
      agreements: agreements.flatMap((agreement) => (agreement === null ? [] : [agreement])),
      results,
      performanceReports: [...reports],
      meetings: [...meetings],
    };
  }
}
