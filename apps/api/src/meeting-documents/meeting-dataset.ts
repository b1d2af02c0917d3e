import { Injectable } from '@nestjs/common';
import {
  agendaReportIds,
  type Committee,
  type CouncilDataset,
  DOCUMENT_SCHEMA_VERSION,
  type MeetingDocument,
  type PerformanceReport,
  reportedPeriod,
  targetYear,
} from '@scrutineer/domain';
import { AgreementsService } from '../agreements/agreements.service.js';
import { AuthoritiesService } from '../authorities/authorities.service.js';
import { CommitteesService } from '../committees/committees.service.js';
import { MeasuresService } from '../measures/measures.service.js';
import { MembersService } from '../members/members.service.js';
import { ReportsService } from '../performance-reports/reports.service.js';
import { PortfoliosService } from '../portfolios/portfolios.service.js';
import { ResultsService } from '../results/results.service.js';

const unique = <T>(values: readonly T[]): T[] => [...new Set(values)];

/**
 * Builds the slice of the data set a document needs, in the domain's shape, from the resource
 * services' own domain reads (no second set of queries): the meeting's committee and authority,
 * its members and portfolios, and for every performance report its portfolio, the measures it
 * reports, their results with their stored RAG and trend, and the agreements that set the targets
 * of the results the reports show (the year of each shown period, `targetYear`).
 */
@Injectable()
export class MeetingDatasetLoader {
  constructor(
    private readonly authorities: AuthoritiesService,
    private readonly committees: CommitteesService,
    private readonly members: MembersService,
    private readonly portfolios: PortfoliosService,
    private readonly reports: ReportsService,
    private readonly measures: MeasuresService,
    private readonly results: ResultsService,
    private readonly agreements: AgreementsService,
  ) {}

  /** What the meeting's agenda pack and minutes need. Pass the document the caller may see. */
  async forMeeting(document: MeetingDocument): Promise<CouncilDataset> {
    const [committee, reports] = await Promise.all([
      this.committees.findDomain(document.meeting.committeeId),
      Promise.all(agendaReportIds(document).map((id) => this.reports.findDomain(id))),
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
    const [portfolios, members, measures, results] = await Promise.all([
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
    ]);
    const agreementKeys = unique(
      reports.flatMap((report) => [
        `${report.portfolioCode}\u0000${report.year}`,
        ...measures
          .filter((measure) => report.partOne.some((u) => u.measureCodes.includes(measure.code)))
          .map(
            (measure) =>
              `${measure.portfolioCode}\u0000${targetYear(reportedPeriod(measure, report.period))}`,
          ),
      ]),
    );
    const agreements = await Promise.all(
      agreementKeys.map((key) => {
        const [code = '', year = ''] = key.split('\u0000');
        return this.agreements.findDomain(code, year);
      }),
    );
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
