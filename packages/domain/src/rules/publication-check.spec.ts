import { describe, expect, it } from '@jest/globals';
import type { PublicationFinding } from '../contract/publication-check.js';
import { DomainError } from '../errors.js';
import type { CouncilDataset, DatasetResult, MeetingDocument } from '../model/document.js';
import type { AgendaItem } from '../model/meeting.js';
import type { PerformanceReport } from '../model/report.js';
import type { Instant } from '../model/time.js';
import { publishAgenda } from './lifecycle.js';
import {
  assertPublishable,
  checkPublicationReadiness,
  publicationFinding,
  summarisePublicationCheck,
} from './publication-check.js';

/** Meeting on Tuesday 16 November 2021: publish by Monday 8 November for five clear days. */
const ON_TIME = '2021-11-08T09:00:00Z' as Instant;
const LATE = '2021-11-10T09:00:00Z' as Instant;
const SECRET = 'The tender prices of the three bidders';

const item = (number: number, patch: Partial<AgendaItem> = {}): AgendaItem =>
  ({
    number: String(number),
    order: number,
    kind: 'report',
    title: `Report ${number}`,
    summary: null,
    recommendations: null,
    reportOf: ['Director of Children’s Services'],
    contacts: [{ name: 'Gaynor Ward', role: 'Manager', email: null, phone: null }],
    exemption: null,
    documents: [],
    ...patch,
  }) as AgendaItem;

const fixed = (number: number, kind: AgendaItem['kind']): AgendaItem =>
  item(number, { kind, title: kind, reportOf: [], contacts: [] });

const exempt = (number: number, patch: Partial<AgendaItem> = {}): AgendaItem =>
  item(number, {
    title: 'Home to school transport contract',
    exemption: { paragraph: 3 },
    summary: SECRET,
    ...patch,
  });

const pprrItem = (number: number, reportId: string, patch: Partial<AgendaItem> = {}) =>
  item(number, {
    reportOf: [],
    contacts: [],
    documents: [
      {
        title: 'PPRR',
        role: 'report',
        exemption: null,
        content: { kind: 'performance-report', performanceReportId: reportId },
      } as never,
    ],
    ...patch,
  });

const report = (
  id: string,
  period: PerformanceReport['period'],
  patch: Partial<PerformanceReport> = {},
): PerformanceReport =>
  ({
    id,
    title: 'Third Quarter Update',
    period,
    reportOf: ['Director of Education'],
    contacts: [{ name: 'Gaynor Ward', role: 'Manager', email: null, phone: null }],
    partOne: [
      {
        priorityNumber: 1,
        title: 'Priority One',
        highlights: [],
        exceptions: [],
        measureCodes: ['CFSE.28', 'CFSE.65', 'CFSE.70'],
      },
    ],
    ...patch,
  }) as never;

const Q3 = { kind: 'quarter', year: '2021/22', quarter: 3 } as PerformanceReport['period'];
const period = (value: object) => value as PerformanceReport['period'];
const result = (measureCode: string, at: DatasetResult['period'], value: unknown) =>
  ({ measureCode, period: at, value }) as never as DatasetResult;

const meeting = (
  agendaItems: AgendaItem[],
  patch: Partial<MeetingDocument> = {},
): MeetingDocument =>
  ({
    schemaVersion: 1,
    meeting: {
      id: 'm1',
      committeeId: 'cfsc',
      date: '2021-11-16',
      startTime: '18:00',
      venue: null,
      status: 'scheduled',
      agendaPublishedAt: null,
    },
    attendance: { kind: 'not-recorded', reason: 'Not held yet.' },
    agendaItems,
    declarations: { kind: 'not-recorded' },
    minutes: null,
    ...patch,
  }) as never;

const dataset = (document: MeetingDocument, extra: Partial<CouncilDataset> = {}): CouncilDataset =>
  ({
    schemaVersion: 1,
    authorities: [{ id: 'stockport', region: 'england', closureDays: [] }],
    members: [],
    committees: [
      { id: 'cfsc', authorityId: 'stockport', name: 'Children & Families Scrutiny Committee' },
    ],
    portfolios: [],
    measures: [
      { code: 'CFSE.28', frequency: 'quarterly' },
      { code: 'CFSE.65', frequency: 'quarterly' },
      { code: 'CFSE.70', frequency: 'academic-year' },
    ],
    agreements: [],
    results: [],
    performanceReports: [],
    meetings: [document],
    ...extra,
  }) as never;

const clerk = { at: ON_TIME, mayReadExempt: true };
const codes = (findings: readonly PublicationFinding[]) => findings.map((f) => f.code);

const check = (data: CouncilDataset, options = clerk) =>
  checkPublicationReadiness(data, 'm1', options);

const clean = () =>
  meeting([fixed(1, 'apologies'), item(2), fixed(3, 'exclusion-of-public'), exempt(4)]);

describe(checkPublicationReadiness.name, () => {
  it('finds nothing in an agenda that is ready, published on time', () => {
    expect(check(dataset(clean()))).toEqual([]);
  });

  describe('exempt items and the exclusion of the public (errors)', () => {
    it('finds an exempt item placed before the exclusion item, and names it by number and title only', () => {
      const data = dataset(meeting([item(1), exempt(2), fixed(3, 'exclusion-of-public')]));
      const findings = check(data, { at: ON_TIME, mayReadExempt: false });
      expect(findings).toEqual([
        {
          severity: 'error',
          code: 'AGENDA.EXEMPT_BEFORE_EXCLUSION',
          message: expect.stringContaining('Item 2 is exempt but comes before'),
          where: {
            document: 'agenda-pack',
            itemNumber: '2',
            performanceReportId: null,
            measureCode: null,
            path: '$.agendaItems[1].exemption',
          },
        },
      ]);
      expect(JSON.stringify(findings)).not.toContain(SECRET);
    });

    it('finds exempt items when there is no exclusion item at all', () => {
      const findings = check(dataset(meeting([item(1), exempt(2)])));
      expect(codes(findings)).toEqual(['AGENDA.NO_EXCLUSION_ITEM']);
      expect(findings[0]?.severity).toBe('error');
    });
  });

  describe('the five clear days (a warning: s.100B(4) lets a late item be taken as urgent)', () => {
    it('warns when publishing now is too late, with the rule in words', () => {
      const findings = check(dataset(clean()), { at: LATE, mayReadExempt: true });
      expect(findings).toEqual([
        expect.objectContaining({
          severity: 'warning',
          code: 'PUBLICATION.LATE',
          message: expect.stringContaining('five are required'),
        }),
      ]);
    });

    it('judges a published agenda at its recorded time, not now', () => {
      const published = clean();
      const document = {
        ...published,
        meeting: { ...published.meeting, agendaPublishedAt: ON_TIME },
      } as MeetingDocument;
      expect(check(dataset(document), { at: LATE, mayReadExempt: true })).toEqual([]);
    });
  });

  describe('a report names whose it is and whom to ask (warnings)', () => {
    it('warns of a report item with no report-of officer and one with no contact', () => {
      const findings = check(
        dataset(meeting([item(1, { reportOf: [] }), item(2, { contacts: [] })])),
      );
      expect(findings.map((f) => [f.code, f.where.itemNumber, f.where.path])).toEqual([
        ['REPORT.NO_REPORT_OF', '1', '$.agendaItems[0].reportOf'],
        ['REPORT.NO_CONTACT', '2', '$.agendaItems[1].contacts'],
      ]);
    });

    it('counts a PPRR’s own header block and contacts, and never asks fixed items for them', () => {
      const q2 = report('pprr', period({ kind: 'mid-year', year: '2021/22' }));
      const data = dataset(meeting([fixed(1, 'apologies'), pprrItem(2, 'pprr')]), {
        performanceReports: [q2],
      });
      expect(check(data)).toEqual([]);
      const bare = report('pprr', q2.period, { reportOf: [], contacts: [] });
      expect(codes(check({ ...data, performanceReports: [bare] }))).toEqual([
        'REPORT.NO_REPORT_OF',
        'REPORT.NO_CONTACT',
      ]);
    });

    it('does not read an exempt item’s authors for the public edition (it cannot see them)', () => {
      const data = dataset(
        meeting([item(1), fixed(2, 'exclusion-of-public'), exempt(3, { contacts: [] })]),
      );
      expect(codes(check(data))).toEqual(['REPORT.NO_CONTACT']);
      expect(check(data, { at: ON_TIME, mayReadExempt: false })).toEqual([]);
    });
  });

  describe('a Third Quarter Update reports only measures with new data since mid-year', () => {
    const withResults = (results: DatasetResult[], period: PerformanceReport['period'] = Q3) =>
      dataset(meeting([pprrItem(1, 'q3')]), {
        performanceReports: [report('q3', period)],
        results,
      });

    it('warns of each measure with no new figure, naming the report and the measure', () => {
      const data = withResults([
        result('CFSE.28', Q3, 4.4),
        result('CFSE.65', Q3, { kind: 'unknown', reason: 'data not yet available' }),
        result('CFSE.70', period({ kind: 'academic-year', year: '2020/21' }), 61),
      ]);
      const findings = check(data);
      expect(findings.map((f) => [f.code, f.severity, f.where.measureCode])).toEqual([
        ['MEASURE.NO_NEW_FIGURE', 'warning', 'CFSE.65'],
        ['MEASURE.NO_NEW_FIGURE', 'warning', 'CFSE.70'],
      ]);
      expect(findings[0]?.where).toMatchObject({
        itemNumber: '1',
        performanceReportId: 'q3',
        path: '$.agendaItems[0].documents[0]',
      });
    });

    it('does not warn for a mid-year report, which shows every measure', () => {
      expect(check(withResults([], period({ kind: 'mid-year', year: '2021/22' })))).toEqual([]);
    });
  });

  describe('gaps the published minutes leave out (warnings)', () => {
    const minuted = (patch: Partial<MeetingDocument>) =>
      dataset(
        meeting([item(1)], {
          meeting: { ...clean().meeting, agendaPublishedAt: ON_TIME, status: 'held' },
          attendance: {
            kind: 'recorded',
            present: [],
            apologies: [],
            substitutes: [],
            cabinetMembers: [],
            officers: [],
          },
          declarations: { kind: 'none-made' },
          minutes: { status: 'draft', approvedOn: null, closedAt: '19:40', minutes: [] },
          ...patch,
        } as Partial<MeetingDocument>),
      );

    it('finds nothing in complete minutes', () => {
      expect(check(minuted({}))).toEqual([]);
    });

    it('warns of no attendance, no declarations record and no closing time', () => {
      const findings = check(
        minuted({
          attendance: { kind: 'not-recorded', reason: 'The source does not say.' },
          declarations: { kind: 'not-recorded' },
          minutes: { status: 'draft', approvedOn: null, closedAt: null, minutes: [] },
        }),
      );
      expect(findings.map((f) => [f.code, f.severity, f.where.document, f.where.path])).toEqual([
        ['MINUTES.NO_ATTENDANCE', 'warning', 'minutes', '$.attendance'],
        ['MINUTES.NO_DECLARATIONS_RECORD', 'warning', 'minutes', '$.declarations'],
        ['MINUTES.NO_CLOSING_TIME', 'warning', 'minutes', '$.minutes.closedAt'],
      ]);
    });
  });

  it('refuses a meeting the data set does not hold', () => {
    expect(() => checkPublicationReadiness(dataset(clean()), 'nope', clerk)).toThrow(DomainError);
  });
});

describe(summarisePublicationCheck.name, () => {
  it('puts errors first, counts both and says whether the agenda can be published', () => {
    const data = dataset(meeting([item(1, { contacts: [] }), exempt(2)]));
    const layout = publicationFinding('PACK.NO_PAGE_RANGE', 'Item 1 has no pages.', {
      itemNumber: '1',
      path: '$.agendaItems[0].documents',
    });
    const summary = summarisePublicationCheck(data, 'm1', 'confidential', ON_TIME, [
      ...check(data),
      layout,
    ]);
    expect(summary).toMatchObject({
      meetingId: 'm1',
      committeeName: 'Children & Families Scrutiny Committee',
      meetingDate: '2021-11-16',
      edition: 'confidential',
      judgedAt: ON_TIME,
      lastPublicationDate: '2021-11-08',
      canPublish: false,
      errorCount: 1,
      warningCount: 2,
    });
    expect(codes(summary.findings)).toEqual([
      'AGENDA.NO_EXCLUSION_ITEM',
      'REPORT.NO_CONTACT',
      'PACK.NO_PAGE_RANGE',
    ]);
  });
});

describe(assertPublishable.name, () => {
  const scheduled = clean().meeting;

  it('refuses publication on an error, listing the errors and warnings in its data', () => {
    const findings = check(dataset(meeting([item(1, { contacts: [] }), exempt(2)])));
    let thrown: unknown;
    try {
      publishAgenda(scheduled, ON_TIME, findings);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DomainError);
    expect(thrown).toMatchObject({
      code: 'PUBLICATION.HAS_ERRORS',
      data: {
        errors: [expect.objectContaining({ code: 'AGENDA.NO_EXCLUSION_ITEM' })],
        warnings: [expect.objectContaining({ code: 'REPORT.NO_CONTACT' })],
      },
    });
  });

  it('publishes with warnings', () => {
    const findings = check(dataset(clean()), { at: LATE, mayReadExempt: true });
    expect(codes(findings)).toEqual(['PUBLICATION.LATE']);
    expect(publishAgenda(scheduled, LATE, findings).status).toBe('agenda-published');
  });
});
