import { describe, expect, it } from '@jest/globals';
import type { PublicationFinding } from '../contract/publication-check.js';
import { DomainError } from '../errors.js';
import type { CouncilDataset, DatasetResult, MeetingDocument } from '../model/document.js';
import type {
  AttachmentChecks,
  DocxAttachmentChecks,
  PdfAttachmentChecks,
} from '../model/attachment-checks.js';
import type { AgendaItem, ItemDocument } from '../model/meeting.js';
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
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
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

  describe('attached files, from the checks stored with them (warnings)', () => {
    const ACCESSIBLE: PdfAttachmentChecks = {
      kind: 'pdf',
      pageCount: 2,
      tagged: true,
      hasTitle: true,
      language: 'en-GB',
      fontsEmbedded: true,
      fontsUnicodeMapped: true,
      imageOnly: false,
      imageOnlyPages: [],
      pdfUaRulesFailed: [],
    };
    const WORD: DocxAttachmentChecks = {
      kind: 'docx',
      headingCount: 3,
      imagesWithoutAlt: 0,
      warnings: [],
    };
    const attached = (
      title: string,
      checks: AttachmentChecks | null | undefined,
      exemption: ItemDocument['exemption'] = null,
    ): ItemDocument =>
      ({
        title,
        role: 'appendix',
        exemption,
        content: {
          kind: 'file',
          file: {
            sha256: 'a'.repeat(64),
            mediaType: checks?.kind === 'docx' ? DOCX : 'application/pdf',
            byteLength: 100,
            fileName: 'appendix.pdf',
            ...(checks === undefined ? {} : { checks }),
          },
        },
      }) as ItemDocument;
    const withFiles = (...documents: ItemDocument[]) =>
      dataset(meeting([item(1), item(2, { documents })]));
    const found = (data: CouncilDataset, options = clerk) =>
      check(data, options).map((f) => [
        f.code,
        f.severity,
        f.where.itemNumber,
        f.where.path,
        f.message,
      ]);

    it('finds nothing in an accessible PDF or a clean Word document, nor in a file the data set has no checks for', () => {
      expect(
        check(withFiles(attached('A', ACCESSIBLE), attached('B', WORD), attached('C', undefined))),
      ).toEqual([]);
    });

    it('warns of a scanned image with no text in the clerk’s words, at the document’s checks', () => {
      const scan = { ...ACCESSIBLE, imageOnly: true, imageOnlyPages: [1, 2] };
      expect(
        found(withFiles(attached('Appendix A', ACCESSIBLE), attached('Appendix B', scan))),
      ).toEqual([
        [
          'ATTACHMENT.NOT_ACCESSIBLE',
          'warning',
          '2',
          '$.agendaItems[1].documents[1].content.file.checks',
          'Appendix B (item 2) is a scanned image with no text: it does not meet WCAG 2.1 AA; ask the author for an accessible version.',
        ],
      ]);
    });

    it('names every problem of one PDF in one warning: untagged, no title or language, fonts, scanned pages', () => {
      const [finding, ...rest] = check(
        withFiles(
          attached('Appendix C', {
            ...ACCESSIBLE,
            tagged: false,
            hasTitle: false,
            language: null,
            fontsEmbedded: false,
            fontsUnicodeMapped: false,
            imageOnlyPages: [3],
            pdfUaRulesFailed: ['catalog.marked', 'fonts.tounicode'],
          }),
        ),
      );
      expect(rest).toEqual([]);
      expect(finding?.code).toBe('ATTACHMENT.NOT_ACCESSIBLE');
      for (const part of [
        'Appendix C (item 2) has page 3 that is a scanned image with no text',
        'is not a tagged PDF',
        'has no title',
        'does not say what language',
        'fonts without Unicode mappings',
        'uses fonts it does not embed',
        'does not meet WCAG 2.1 AA',
      ])
        expect(finding?.message).toContain(part);
    });

    it('warns of a tagged PDF whose tags break the checker’s rules, not of its fonts or metadata rules', () => {
      const tags = {
        ...ACCESSIBLE,
        pdfUaRulesFailed: ['figures.alt', 'xmp.pdfuaid', 'catalog.displaydoctitle'],
      };
      const [finding] = check(withFiles(attached('Appendix D', tags)));
      expect(finding?.message).toContain('figures.alt');
      expect(finding?.message).not.toContain('xmp.pdfuaid');
      expect(finding?.message).not.toContain('displaydoctitle');
      const metadataOnly = {
        ...ACCESSIBLE,
        pdfUaRulesFailed: ['xmp.pdfuaid', 'catalog.displaydoctitle'],
      };
      expect(check(withFiles(attached('Appendix E', metadataOnly)))).toEqual([]);
    });

    it('warns of a Word document’s conversion warnings, missing headings and alt text', () => {
      const findings = check(
        withFiles(
          attached('Report', {
            kind: 'docx',
            headingCount: 0,
            imagesWithoutAlt: 2,
            warnings: [
              { code: 'text-box', message: 'The document has 1 text box: …', count: 1 },
              { code: 'comment', message: 'The document has 2 comments: …', count: 2 },
              { code: 'image-without-alt', message: 'An image has no alt text.', count: 2 },
            ],
          }),
        ),
      );
      expect(codes(findings)).toEqual(['ATTACHMENT.CONVERSION_WARNINGS']);
      const message = findings[0]?.message ?? '';
      expect(message).toContain('Report (item 2) has no headings');
      expect(message).toContain('2 images without alt text');
      expect(message).toContain('The document has 1 text box');
      expect(message).toContain('The document has 2 comments');
      expect(message).not.toContain('An image has no alt text.');
    });

    it('says when a file was stored before files were checked (null), rather than passing it', () => {
      expect(found(withFiles(attached('Appendix F', null)))).toEqual([
        [
          'ATTACHMENT.NOT_CHECKED',
          'warning',
          '2',
          '$.agendaItems[1].documents[0].content.file.checks',
          expect.stringContaining('Appendix F (item 2) was stored before'),
        ],
      ]);
    });

    it('reads nothing of an exempt document for the public edition', () => {
      const scan = { ...ACCESSIBLE, imageOnly: true, imageOnlyPages: [1] };
      const data = withFiles(attached('Exempt appendix', scan, { paragraph: 3 }));
      expect(codes(check(data))).toEqual(['ATTACHMENT.NOT_ACCESSIBLE']);
      expect(check(data, { ...clerk, mayReadExempt: false })).toEqual([]);
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
