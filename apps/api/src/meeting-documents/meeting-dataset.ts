import { Injectable } from '@nestjs/common';
import {
  agendaReportIds,
  namedMemberIds,
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
import { PerformanceReportsService } from '../performance-reports/performance-reports.service.js';
import { PortfoliosService } from '../portfolios/portfolios.service.js';
import { ResultsService } from '../results/results.service.js';

const unique = <T>(values: readonly T[]): T[] => [...new Set(values)];

/**
 * Builds the slice of the data set a document needs, in the domain's shape, from the resource
 * services' own domain reads (no second set of queries): the meeting's committee and authority,
 * its members and portfolios, and for every performance report its portfolio, the measures it
 * reports, their results with their stored RAG and trend, and the agreements that set the targets
 * of the results the reports show (the year of each shown period, `targetYear`). The slice is a
 * whole CouncilDataset (it passes `parseCouncilDataset`): it also holds what those refer to, such as
 * the committee that considered an agreement, the measures of its targets and every member named,
 * so `GET …/dataset` serves exactly what the PDF routes render. Of a measure's results it holds
 * only those the reports show (`reportedPeriod`: the report's period, or the academic year it
 * falls in), which carry their stored RAG and trend: the slice does not grow with every result
 * ever recorded (issue 11 item 6: each pack drawn from all of them grew with the database).
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
    const reports = await Promise.all(
      agendaReportIds(document).map((id) => this.reports.findDomain(id)),
    );
    return this.slice([document.meeting.committeeId], [document], reports);
  }

  /** What a performance report on its own needs; 404 when there is no such report. */
  async forReport(reportId: string): Promise<CouncilDataset> {
    return this.slice([], [], [await this.reports.findDomain(reportId)]);
  }

  private async slice(
    committeeIds: readonly string[],
    meetings: readonly MeetingDocument[],
    reports: readonly PerformanceReport[],
  ): Promise<CouncilDataset> {
    const reportedCodes = unique(
      reports.flatMap((report) => report.partOne.flatMap((update) => update.measureCodes)),
    );
    const reportedMeasures = await this.measures.findDomain(reportedCodes);
    const agreementKeys = unique(
      reports.flatMap((report) => [
        `${report.portfolioCode}\u0000${report.year}`,
        ...reportedMeasures
          .filter((measure) => report.partOne.some((u) => u.measureCodes.includes(measure.code)))
          .map(
            (measure) =>
              `${measure.portfolioCode}\u0000${targetYear(reportedPeriod(measure, report.period))}`,
          ),
      ]),
    );
    const [agreements, results] = await Promise.all([
      Promise.all(
        agreementKeys.map((key) => {
          const [code = '', year = ''] = key.split('\u0000');
          return this.agreements.findDomain(code, year);
        }),
      ).then((found) => found.flatMap((agreement) => (agreement === null ? [] : [agreement]))),
      this.results.findDomainForPeriods(
        reports.flatMap((report) =>
          reportedMeasures
            .filter((measure) => report.partOne.some((u) => u.measureCodes.includes(measure.code)))
            .map((measure) => ({
              measureCode: measure.code,
              period: reportedPeriod(measure, report.period),
            })),
        ),
      ),
    ]);
    const [committees, measures] = await Promise.all([
      Promise.all(
        unique([
          ...committeeIds,
          ...agreements.flatMap((a) => (a.considered === null ? [] : [a.considered.committeeId])),
        ]).map((id) => this.committees.findDomain(id)),
      ),
      this.measures.findDomain(
        unique([
          ...reportedCodes,
          ...agreements.flatMap((a) => a.targets.map((target) => target.measureCode)),
        ]),
      ),
    ]);
    const portfolios = await this.portfolios.findDomain(
      unique([
        ...committees.flatMap((committee) => committee.portfolioCodes),
        ...reports.map((report) => report.portfolioCode),
        ...agreements.map((agreement) => agreement.portfolioCode),
        ...measures.map((measure) => measure.portfolioCode),
      ]),
    );
    const authorityIds = unique([
      ...committees.map((committee) => committee.authorityId),
      ...portfolios.map((portfolio) => portfolio.authorityId),
    ]);
    const [authorities, members] = await Promise.all([
      Promise.all(authorityIds.map((id) => this.authorities.findDomain(id))),
      this.members.findDomain(
        namedMemberIds([committees, portfolios, agreements, reports, meetings]),
      ),
    ]);
    return {
      schemaVersion: DOCUMENT_SCHEMA_VERSION,
      authorities,
      members,
      committees,
      portfolios,
      measures,
      agreements,
      results,
      performanceReports: [...reports],
      meetings: [...meetings],
    };
  }
}
