import type { LocalTime } from '@scrutineer/domain';
import { exemptPassages, loadSampleCouncil, sampleIds } from '@scrutineer/sample-council';
import { ReporterError } from '../errors.js';
import {
  EXEMPT_APPENDIX_MARKER,
  EXEMPT_ITEM_MARKER,
  fixtureDataset,
} from '../fixtures/council.fixture.js';
import { buildAgendaPackModel, pageRangeText, type PageRange } from './agenda-pack.model.js';
import type { Block, Section } from './document-model.js';
import { buildMinutesModel } from './minutes.model.js';
import { buildPerformanceReportModel } from './performance-report.model.js';
import { formatClockTime, imageFromDataUrl, imageSize, joinNames } from './wording.js';

const MEETING = 'stockport-cfsc-2021-11-24';
const noRanges = new Map<string, PageRange>();

/** All text a section would print, in order. */
const textOf = (section: Section): string =>
  section.blocks
    .map((block: Block) => {
      switch (block.kind) {
        case 'heading':
        case 'paragraph':
        case 'notice':
          return [
            ...('title' in block ? [block.title] : []),
            ...block.runs.map((run) => run.text),
          ].join('');
        case 'list':
          return block.items
            .map((item) => `${item.label} ${item.runs.map((run) => run.text).join('')}`)
            .join('\n');
        case 'table':
          return [
            block.caption ?? '',
            ...block.columns.map((column) => column.header),
            ...block.rows.flat().flatMap((cell) => cell.runs.map((run) => run.text)),
          ].join('\n');
        case 'key-value':
          return block.rows
            .map((row) => `${row.key} ${row.value.map((run) => run.text).join('')}`)
            .join('\n');
        default:
          return '';
      }
    })
    .join('\n');

describe('buildAgendaPackModel', () => {
  it('leaves exempt items and appendices out of the public edition entirely', () => {
    const model = buildAgendaPackModel(fixtureDataset(), MEETING, 'public');
    const everything = JSON.stringify({
      meta: model.meta,
      front: model.front(noRanges),
      items: model.items,
    });
    expect(everything).not.toContain(EXEMPT_ITEM_MARKER);
    expect(everything).not.toContain(EXEMPT_APPENDIX_MARKER);
    expect(model.items.map((item) => item.number)).toEqual(['3', '4']);
  });

  it('puts the exempt item last in the confidential edition, marked on every page', () => {
    const model = buildAgendaPackModel(fixtureDataset(), MEETING, 'confidential');
    expect(model.items.map((item) => item.number)).toEqual(['3', '4', '6']);
    const item6 = model.items[2]?.section;
    expect(item6?.stamp).toBe('Agenda Item 6');
    expect(item6?.marking).toMatch(/^NOT FOR PUBLICATION .*paragraph 3/);
    expect(textOf(item6 as Section)).toContain(EXEMPT_ITEM_MARKER);
  });

  it('prints each item page range given to the front sheet, open items before private ones', () => {
    const model = buildAgendaPackModel(fixtureDataset(), MEETING, 'confidential');
    const front = textOf(
      model.front(
        new Map([
          ['item-3', { first: 3, last: 9 }],
          ['item-6', { first: 12, last: 12 }],
        ]),
      ),
    );
    expect(front).toContain(
      'Portfolio Performance and Resources - Mid-Year Report 2021/22 (Pages 3 - 9)',
    );
    expect(front).toContain('Residential Placements Contract Award (Page 12)');
    expect(front.indexOf('Exclusion of the Public')).toBeLessThan(
      front.indexOf('Items to be taken in private'),
    );
    expect(front.indexOf('Items to be taken in private')).toBeLessThan(
      front.indexOf('Residential Placements Contract Award'),
    );
  });

  it('holds only the sample council exempt passages in the confidential edition', () => {
    const dataset = loadSampleCouncil();
    const publicText = JSON.stringify(
      buildAgendaPackModel(dataset, sampleIds.stockportMarch2022, 'public').items,
    );
    for (const passage of exemptPassages(dataset)) expect(publicText).not.toContain(passage);
  });

  it('rejects an unknown meeting and an unknown edition with a clear error', () => {
    expect(() => buildAgendaPackModel(fixtureDataset(), 'nope', 'public')).toThrow(ReporterError);
    expect(() => buildAgendaPackModel(fixtureDataset(), 'nope', 'public')).toThrow(
      /No meeting with id "nope"/,
    );
    expect(() => buildAgendaPackModel(fixtureDataset(), MEETING, 'secret' as 'public')).toThrow(
      /Edition must be/,
    );
  });

  it('writes page ranges the way packs do', () => {
    expect(pageRangeText({ first: 5, last: 18 })).toBe('(Pages 5 - 18)');
    expect(pageRangeText({ first: 7, last: 7 })).toBe('(Page 7)');
  });
});

describe('buildMinutesModel', () => {
  it('numbers the resolution after the highest numbered paragraph and marks draft minutes', () => {
    const model = buildMinutesModel(fixtureDataset(), MEETING);
    expect(model.meta.headerMark).toBe('DRAFT');
    const section = model.sections[0] as Section;
    const resolved = section.blocks.find(
      (block) => block.kind === 'paragraph' && block.runs[0]?.text === 'RESOLVED – ',
    );
    expect(resolved).toMatchObject({ label: '33.3' });
    expect(textOf(section)).not.toContain(EXEMPT_ITEM_MARKER);
    expect(textOf(section)).toContain('This item was considered in private');
  });

  it('says when a meeting has no minutes', () => {
    const dataset = fixtureDataset();
    const withoutMinutes = {
      ...dataset,
      meetings: dataset.meetings.map((meeting) => ({ ...meeting, minutes: null })),
    };
    expect(() => buildMinutesModel(withoutMinutes, MEETING)).toThrow(/has no minutes yet/);
  });

  it('letters a resolution’s points as the council papers do, a) b) c)', () => {
    const dataset = loadSampleCouncil();
    const lettered = dataset.meetings.find((document) =>
      document.minutes?.minutes.some(
        (minute) => minute.resolution?.kind === 'list' && minute.resolution.style === 'lettered',
      ),
    );
    expect(lettered).toBeDefined();
    const section = buildMinutesModel(dataset, lettered?.meeting.id ?? '').sections[0] as Section;
    const labels = section.blocks.flatMap((block) =>
      block.kind === 'list' ? block.items.map((item) => item.label) : [],
    );
    expect(labels).toEqual(expect.arrayContaining(['a)', 'b)', 'c)']));
    expect(labels).not.toContain('(a)');
  });
});

describe('buildPerformanceReportModel', () => {
  it('builds the header block, a measures table with RAG words and money tables', () => {
    const model = buildPerformanceReportModel(loadSampleCouncil(), sampleIds.cfseQ3Update2021);
    const section = model.sections[0] as Section;
    const header = section.blocks.find((block) => block.kind === 'key-value');
    expect(header?.kind === 'key-value' && header.rows.map((row) => row.key)).toEqual([
      'REPORT TO:',
      'DATE:',
      'REPORT OF:',
      'REPORT TITLE:',
    ]);
    const tables = section.blocks.filter(
      (block): block is Extract<Block, { kind: 'table' }> => block.kind === 'table',
    );
    const measures = tables.find((table) => table.columns[0]?.header === 'Code');
    expect(measures?.columns.map((column) => column.header)).toEqual([
      'Code',
      'Measure',
      'Target',
      'Actual',
      'RAG',
      'Trend',
      'Comparator',
      'Commentary',
    ]);
    for (const row of measures?.rows ?? []) {
      expect(['Green', 'Amber', 'Red', 'No target', 'No data']).toContain(row[4]?.runs[0]?.text);
      expect(row[4]?.fill).toMatch(/^#[0-9A-F]{6}$/);
      expect(row[5]?.runs[0]?.text).toMatch(
        /^[↑↓→–]\u00a0(Improving|No change|Worsening|Not comparable)$/,
      );
    }
    const revenue = tables.find(
      (table) => table.caption === 'Revenue budget and forecast out-turn',
    );
    // The header says "Budget £": the total is the figure alone.
    expect(revenue?.columns[1]?.header).toBe('Budget £');
    expect(revenue?.footerRows?.[0]?.[1]?.runs[0]?.text).toMatch(/^\d{1,3}(,\d{3})*$/);
  });

  it('shows an academic-year measure’s latest academic year in a mid-year report (CFSE.60)', () => {
    const model = buildPerformanceReportModel(loadSampleCouncil(), sampleIds.cfseMidYear2021);
    const rows = (model.sections[0] as Section).blocks.flatMap((block) =>
      block.kind === 'table' ? block.rows : [],
    );
    const row = rows.find((cells) => cells[0]?.runs[0]?.text === 'CFSE.60');
    expect(row?.[3]?.runs[0]?.text).toBe('36.4% (provisional)\nAcademic year 2020/21');
    // There is no 2020/21 agreement in the sample, and 2019/20 has no figure (the NCMP stopped).
    expect(row?.[4]?.runs[0]?.text).toBe('No target');
    expect(row?.[5]?.runs[0]?.text).toBe('–\u00a0Not comparable');
  });

  it('prints the RAG and trend a result carries, not its own', () => {
    const dataset = loadSampleCouncil();
    const stored = {
      ...dataset,
      results: dataset.results.map((result) => ({
        ...result,
        rag: { status: 'green' as const, explanation: 'stored' },
        trend: {
          direction: 'no-change' as const,
          arrow: '→',
          explanation: 'stored',
          previousPeriod: null,
        },
      })),
    };
    const rows = (
      buildPerformanceReportModel(stored, sampleIds.cfseQ3Update2021).sections[0] as Section
    ).blocks.flatMap((block) =>
      block.kind === 'table' && block.columns[0]?.header === 'Code' ? block.rows : [],
    );
    expect(rows.length).toBeGreaterThan(5);
    for (const row of rows) {
      expect(row[4]?.runs[0]?.text).toBe('Green');
      expect(row[5]?.runs[0]?.text).toBe('→\u00a0No change');
    }
  });

  it('rejects an unknown report', () => {
    expect(() => buildPerformanceReportModel(fixtureDataset(), 'nope')).toThrow(
      /No performance report with id "nope"/,
    );
  });
});

describe('wording', () => {
  it('prints times, names, labels and logos as council documents do', () => {
    expect(formatClockTime('18:00' as LocalTime)).toBe('6.00 pm');
    expect(formatClockTime('10:30' as LocalTime)).toBe('10.30 am');
    expect(formatClockTime('12:00' as LocalTime)).toBe('12.00 noon');
    expect(joinNames(['A', 'B', 'C'])).toBe('A, B and C');
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000020000000100806000000', 'hex');
    expect(imageSize(png)).toEqual({ width: 32, height: 16 });
    expect(imageFromDataUrl(`data:image/png;base64,${png.toString('base64')}`)?.equals(png)).toBe(
      true,
    );
    expect(imageFromDataUrl('data:text/plain;base64,AAAA')).toBeNull();
  });
});

describe('the public edition of the sample meetings', () => {
  const dataset = loadSampleCouncil();
  const passages = exemptPassages(dataset);

  it.each(dataset.meetings.map((document) => [document.meeting.id] as const))(
    'prints no exempt passage of %s in the public agenda pack or the minutes',
    (id) => {
      const pack = buildAgendaPackModel(dataset, id, 'public');
      const sections = [pack.front(noRanges), ...pack.items.map((item) => item.section)];
      const document = dataset.meetings.find((candidate) => candidate.meeting.id === id);
      if (document?.minutes) sections.push(...buildMinutesModel(dataset, id).sections);
      const text = sections.map(textOf).join('\n');
      expect(passages.filter((passage) => text.includes(passage))).toEqual([]);
    },
  );
});
