/**
 * The public site against the real API: the built API on a temporary SQLite database with the
 * sample council, and the site's server reading it over HTTP. Every page kind is fetched and
 * parsed; a crawl from `/` reaches every meeting, item, committee, councillor and portfolio
 * with no broken link; and no exempt passage of the sample council appears on any page.
 */
import { createServer, type Server } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  convertedReportText,
  describeExemption,
  type ConvertedReport,
  formatMoneyFigure,
  type CouncilDataset,
  type Pence,
} from '@scrutineer/domain';
import { buildAgendaPackModel } from '@scrutineer/reporter';
import { exemptPassages, loadSampleCouncil, sampleIds } from '@scrutineer/sample-council';
import { escapeHtml } from '../src/blocks.js';
import { formatBytes } from '../src/format.js';
import { createRenderer } from '../src/render.js';
import {
  breadcrumbs,
  getPage,
  leaks,
  pageText,
  rawGet,
  textOf,
  whitespace,
  type Fetched,
  type Raw,
} from './support/html.js';
import {
  closedPort,
  startApi,
  startSite,
  type RunningApi,
  type RunningSite,
} from './support/servers.js';

const SLOW = 120_000;
const WORD = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const NOVEMBER = sampleIds.stockportNovember2021;
const MARCH = sampleIds.stockportMarch2022;

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('the public site, reading the real API', () => {
  let api: RunningApi;
  let site: RunningSite;
  const apiJson = async (path: string): Promise<Json> =>
    (await fetch(`${api.url}${path}`)).json() as Promise<Json>;
  const page = (path: string): Promise<Fetched> => getPage(`${site.url}${path}`);

  beforeAll(async () => {
    api = await startApi();
    site = await startSite(api.url);
  }, SLOW);
  afterAll(async () => {
    await site?.stop();
    await api?.stop();
  });

  const expectPage = (fetched: Fetched, h1: string | RegExp, crumbs: string[]): void => {
    expect(fetched.status).toBe(200);
    expect(fetched.root.querySelector('html')?.getAttribute('lang')).toBe('en-GB');
    const headings = fetched.root.querySelectorAll('h1');
    expect(headings).toHaveLength(1);
    const text = whitespace(headings[0]!.text);
    if (typeof h1 === 'string') expect(text).toBe(h1);
    else expect(text).toMatch(h1);
    expect(whitespace(fetched.root.querySelector('title')?.text ?? '')).toMatch(/ – Scrutineer$/);
    expect(breadcrumbs(fetched.root)).toEqual(crumbs);
  };

  it('serves the home page: the councils, their committees and portfolios, recent papers', async () => {
    const home = await page('/');
    expectPage(home, 'Council meetings and papers', []);
    const text = pageText(home.root);
    for (const council of [
      'Stockport Metropolitan Borough Council',
      'West Sussex County Council',
      'Flintshire County Council',
    ])
      expect(text).toContain(council);
    expect(home.root.querySelector(`a[href="/meetings/${NOVEMBER}"]`)).not.toBeNull();
    expect(home.root.querySelector('a[href="/portfolios/CFSE"]')).not.toBeNull();
  });

  it('lists the committees, and shows one with its meetings by municipal year and its membership', async () => {
    expectPage(await page('/committees'), 'Committees', ['Home']);
    const committee = await page('/committees/stockport-cfsc');
    expectPage(committee, 'Children & Families Scrutiny Committee', ['Home', 'Committees']);
    const text = pageText(committee.root);
    expect(text).toContain('Municipal year 2021/22');
    expect(text).toContain('Current membership');
    expect(committee.root.querySelector(`a[href="/meetings/${MARCH}"]`)).not.toBeNull();
    expect(committee.root.querySelectorAll('th[scope="col"]').length).toBeGreaterThan(0);
  });

  it('shows each committee’s purpose as the API stores it, under its own heading', async () => {
    for (const stored of (await apiJson('/api/v1/committees')).items as Json[]) {
      expect(stored['purpose']).toEqual(expect.any(String));
      const shown = await page(`/committees/${stored['id']}`);
      const heading = shown.root
        .querySelectorAll('h2')
        .find((h) => whitespace(h.text) === 'Purpose');
      expect(heading?.classList.contains('govuk-heading-l')).toBe(true);
      const paragraph = heading?.nextElementSibling;
      expect(paragraph?.tagName).toBe('P');
      expect(paragraph?.classList.contains('govuk-body')).toBe(true);
      expect(whitespace(paragraph?.text ?? '')).toBe(whitespace(stored['purpose']));
    }
  });

  it(
    'shows a meeting: date, time, venue, status, agenda, attendance, declarations, minutes and PDFs with sizes',
    async () => {
      const meeting = await page(`/meetings/${NOVEMBER}`);
      expectPage(meeting, 'Wednesday 24 November 2021', [
        'Home',
        'Committees',
        'Children & Families Scrutiny Committee',
      ]);
      const text = pageText(meeting.root);
      for (const expected of [
        '18:00',
        'Committee Room 2, Town Hall, Stockport',
        'Held',
        '5. Portfolio Performance and Resources – Mid-Year Report 2021/22',
        // Recommendations labelled as the documents print them (the domain's list labels).
        'a) Consider the Mid-Year Portfolio Performance and Resource Report;',
        '(i) Note the findings of the travel assistance review;',
        'Councillor Helen Ashworth (Chair)',
        'Apologies',
        'Councillor Sarah Kershaw',
        'Her daughter is employed as a social worker',
        'Minutes',
      ])
        expect(text).toContain(expected);
      const pack = meeting.root.querySelector(`a[href="/meetings/${NOVEMBER}/agenda-pack.pdf"]`);
      expect(pack).not.toBeNull();
      expect(textOf(pack!.parentNode!)).toMatch(/Agenda pack \(PDF\) \(\d+ KB\)/);
      expect(
        meeting.root.querySelector(`a[href="/meetings/${NOVEMBER}/minutes.pdf"]`),
      ).not.toBeNull();
      const pdf = await fetch(`${site.url}/meetings/${NOVEMBER}/agenda-pack.pdf`);
      expect(pdf.status).toBe(200);
      expect(pdf.headers.get('content-type')).toBe('application/pdf');
      expect(
        Buffer.from(await pdf.arrayBuffer())
          .subarray(0, 5)
          .toString(),
      ).toBe('%PDF-');
    },
    SLOW,
  );

  it(
    'marks a late paper with its supplement and reason, and links the supplementary agenda’s PDF',
    async () => {
      const answer = await apiJson(`/api/v1/meetings/${MARCH}`);
      const late = (answer['agendaItems'] as Json[]).flatMap((item) =>
        (item['documents'] as Json[])
          .filter((d) => d['late'])
          .map((d) => ({ item: item['number'], late: d['late'] as Json, title: d['title'] })),
      );
      expect(late.length).toBeGreaterThan(0);
      const meeting = await page(`/meetings/${MARCH}`);
      const text = textOf(meeting.root);
      for (const paper of late) {
        expect(text).toContain(
          `Late paper (Supplementary Agenda No. ${paper.late['supplement']}; reason for urgency: ${paper.late['urgencyReason']}):`,
        );
      }
      const href = `/meetings/${MARCH}/supplements/1.pdf`;
      const link = meeting.root.querySelector(`a[href="${href}"]`);
      expect(link).not.toBeNull();
      expect(textOf(link!.parentNode!)).toMatch(/Supplementary Agenda No\. 1 \(PDF\) \(\d+ KB\)/);
      const pdf = await fetch(`${site.url}${href}`);
      expect([pdf.status, pdf.headers.get('content-type')]).toEqual([200, 'application/pdf']);
      // The same bytes as the API's supplement pack; a supplement nobody published is a 404.
      const direct = await fetch(
        `${api.url}/api/v1/meetings/${MARCH}/supplement-pack.pdf?supplement=1`,
      );
      expect(
        Buffer.from(await pdf.arrayBuffer()).equals(Buffer.from(await direct.arrayBuffer())),
      ).toBe(true);
      expect((await fetch(`${site.url}/meetings/${MARCH}/supplements/2.pdf`)).status).toBe(404);
    },
    SLOW,
  );

  it(
    'shows an exempt item by its title and Schedule 12A paragraph only',
    async () => {
      const meeting = await page(`/meetings/${MARCH}`);
      const item = meeting.root.querySelector('#item-9')!.parentNode!;
      expect(textOf(item)).toBe(
        `9. Award of Contract – Residential Placements Framework for Children Looked After Not for publication ${describeExemption(3).notice} ${describeExemption(3).description}`,
      );
      const own = await page(`/meetings/${MARCH}/items/9`);
      expectPage(
        own,
        '9. Award of Contract – Residential Placements Framework for Children Looked After',
        ['Home', 'Committees', 'Children & Families Scrutiny Committee', '9 March 2022'],
      );
      expect(pageText(own.root)).toContain(
        'Not for publication by virtue of paragraph 3 of Part 1 of Schedule 12A to the Local Government Act 1972.',
      );
      expect(own.root.querySelectorAll('main table')).toHaveLength(0);
      // A Welsh council's exempt item cites Part 4 of the Schedule, as its own pack does.
      const welsh = await page(`/meetings/${sampleIds.flintshireJanuary2022}`);
      expect(pageText(welsh.root)).toContain(
        'Not for publication by virtue of paragraph 14 of Part 4 of Schedule 12A to the Local Government Act 1972.',
      );
    },
    SLOW,
  );

  it(
    'shows a Word attachment as HTML from its converted blocks, beside its file and size, and the meeting page links both',
    async () => {
      const answer = await apiJson(`/api/v1/meetings/${MARCH}`);
      const item = (answer['agendaItems'] as Json[]).find((candidate) =>
        (candidate['documents'] as Json[]).some(
          (d) => d['content']?.['file']?.['mediaType'] === WORD,
        ),
      )!;
      expect(item).toBeDefined();
      const document = (item['documents'] as Json[]).find(
        (d) => d['content']?.['file']?.['mediaType'] === WORD,
      )!;
      const converted = (await apiJson(
        `/api/v1/agenda-items/${item['id']}/documents/${document['id']}/converted`,
      )) as ConvertedReport;
      const own = await page(`/meetings/${MARCH}/items/${item['number']}`);
      expectPage(own, `${item['number']}. ${item['title']}`, [
        'Home',
        'Committees',
        'Children & Families Scrutiny Committee',
        '9 March 2022',
      ]);
      const section = own.root.querySelector(`#document-${document['id']}`)!;
      expect(section).not.toBeNull();
      expect(whitespace(section.querySelector('h2')!.text)).toBe(document['title']);
      const runsText = (runs: readonly { text: string }[]): string =>
        whitespace(runs.map((r) => r.text).join(''));
      // Each heading one level under the document's h2 per level of the report's.
      const headings = converted.blocks.flatMap((b) => (b.kind === 'heading' ? [b] : []));
      expect(headings.length).toBeGreaterThan(1);
      for (const heading of headings)
        expect(
          section.querySelectorAll(`h${heading.level + 2}`).map((h) => whitespace(h.text)),
        ).toContain(runsText(heading.runs));
      // Its lists as lists, each item an <li> of an <ol> or <ul> as the report numbers it.
      const items = converted.blocks.flatMap((b) => (b.kind === 'list' ? b.items : []));
      expect(items.length).toBeGreaterThan(0);
      for (const listItem of items)
        expect(
          section
            .querySelectorAll(listItem.ordered ? 'ol > li' : 'ul > li')
            .map((li) => whitespace(li.text)),
        ).toContain(runsText(listItem.runs));
      // Its table with the header row as <th scope="col">, the rest as <td>.
      const table = converted.blocks.find((b) => b.kind === 'table');
      expect(table?.kind).toBe('table');
      if (table?.kind !== 'table') return;
      const html = section.querySelector('table')!;
      expect(
        html.querySelectorAll('thead th[scope="col"]').map((th) => whitespace(th.text)),
      ).toEqual(table.rows[0]!.map((c) => runsText(c.runs)));
      expect(
        html
          .querySelectorAll('tbody tr')
          .map((tr) => tr.querySelectorAll('td').map((td) => whitespace(td.text))),
      ).toEqual(table.rows.slice(table.headerRows).map((row) => row.map((c) => runsText(c.runs))));
      // The same words as the converted JSON, in the same order.
      expect(whitespace(textOf(section))).toContain(
        whitespace(convertedReportText({ blocks: converted.blocks.slice(0, 3) })).slice(0, 80),
      );
      const words = whitespace(convertedReportText(converted)).split(' ');
      const shown = new Set(whitespace(textOf(section)).split(' '));
      expect(words.filter((word) => !shown.has(word))).toEqual([]);
      // The file beside it: the API's bytes, its size as the API gives it.
      const fileHref = `/agenda-items/${item['id']}/documents/${document['id']}/file`;
      const download = section.querySelector(`a[href="${fileHref}"]`)!;
      expect(download).not.toBeNull();
      expect(whitespace(textOf(download.parentNode!))).toContain(
        `(Word document, ${formatBytes(document['content']['file']['byteLength'] as number)})`,
      );
      const file = await fetch(`${site.url}${fileHref}`);
      expect(file.status).toBe(200);
      expect(file.headers.get('content-type')).toBe(WORD);
      const direct = await fetch(`${api.url}/api/v1${fileHref}`);
      expect(
        Buffer.from(await file.arrayBuffer()).equals(Buffer.from(await direct.arrayBuffer())),
      ).toBe(true);
      // The conversion's warnings are the clerk's: none reaches the page.
      for (const warning of converted.warnings)
        expect(pageText(own.root)).not.toContain(warning.message);
      // The meeting page lists it with the HTML first and the file second.
      const meeting = await page(`/meetings/${MARCH}`);
      const htmlHref = `/meetings/${MARCH}/items/${item['number']}#document-${document['id']}`;
      const entry = meeting.root
        .querySelectorAll('li')
        .find((li) => li.querySelector(`a[href="${htmlHref}"]`) !== null)!;
      expect(entry).toBeDefined();
      expect(entry.querySelectorAll('a').map((a) => a.getAttribute('href'))).toEqual([
        htmlHref,
        fileHref,
      ]);
      expect(whitespace(textOf(entry))).toMatch(
        new RegExp(`^${escapeRegExp(document['title'] as string)} – HTML of .+ – Word document`),
      );
    },
    SLOW,
  );

  it(
    'shows a PPRR item as HTML: measures with value, target, RAG in words and colour, trend, comparators, Part Two money',
    async () => {
      const item = await page(`/meetings/${NOVEMBER}/items/5`);
      expectPage(item, '5. Portfolio Performance and Resources – Mid-Year Report 2021/22', [
        'Home',
        'Committees',
        'Children & Families Scrutiny Committee',
        '24 November 2021',
      ]);
      const tables = item.root.querySelectorAll('main table');
      expect(tables.length).toBeGreaterThan(5);
      for (const table of tables)
        expect(table.querySelectorAll('thead th[scope="col"]').length).toBeGreaterThan(0);
      const measures = tables.find(
        (t) =>
          textOf(t.querySelector('thead')!) ===
          'Code Measure Target Actual RAG Trend Comparator Commentary',
      );
      expect(measures).toBeDefined();
      const row = measures!.querySelectorAll('tbody tr').map((tr) => tr.querySelectorAll('td'));
      const rag = row.flatMap((cells) => (cells[4] ? [cells[4]] : []));
      expect(rag.map((c) => whitespace(c.text))).toEqual(
        expect.arrayContaining([expect.stringMatching(/^(Green|Amber|Red|No target|No data)$/)]),
      );
      for (const cell of rag)
        expect(cell.getAttribute('style')).toMatch(/background-color:#[0-9A-Fa-f]{6}/);
      const text = pageText(item.root);
      expect(text).toMatch(/↑ Improving|↓ Worsening/);
      expect(text).toContain('England average');
      expect(text).toContain('Part Two – Financial Resources and Monitoring');
      const report = (await apiJson(
        `/api/v1/performance-reports/${sampleIds.cfseMidYear2021}`,
      )) as Json;
      const revenue = report['partTwo'].revenue[0] as { service: string; budget: number };
      expect(text).toContain(`${revenue.service} ${formatMoneyFigure(revenue.budget as Pence)}`);
      expect(item.root.querySelector('a[href="/portfolios/CFSE"]')).not.toBeNull();
      expect(
        item.root.querySelector(`a[href="/reports/${sampleIds.cfseMidYear2021}.pdf"]`),
      ).not.toBeNull();
    },
    SLOW,
  );

  it.each(['5', '6'])(
    'prints every text of item %s of the public agenda pack’s document model, as the PDF does',
    async (number) => {
      const dataset = (await apiJson(
        `/api/v1/meetings/${NOVEMBER}/dataset`,
      )) as unknown as CouncilDataset;
      const section = buildAgendaPackModel(dataset, NOVEMBER, 'public').items.find(
        (i) => i.number === number,
      )!.section;
      const texts = section.blocks.flatMap((block): string[] => {
        switch (block.kind) {
          case 'heading':
          case 'paragraph':
          case 'notice':
            return [block.runs.map((r) => r.text).join('')];
          case 'list':
            return block.items.map((i) => `${i.label} ${i.runs.map((r) => r.text).join('')}`);
          case 'table':
            return [
              ...block.columns.map((c) => c.header),
              ...block.rows.flat().map((c) => c.runs.map((r) => r.text).join('')),
            ];
          case 'key-value':
            return block.rows.map((r) => `${r.key} ${r.value.map((v) => v.text).join('')}`);
          default:
            return [];
        }
      });
      expect(texts.length).toBeGreaterThan(5);
      const text = pageText((await page(`/meetings/${NOVEMBER}/items/${number}`)).root);
      const missing = texts.map(whitespace).filter((t) => t !== '' && !text.includes(t));
      expect(missing).toEqual([]);
    },
    SLOW,
  );

  it(
    'lists the councillors, and shows one with party, ward, committee roles, attendance and declarations',
    async () => {
      expectPage(await page('/members'), 'Councillors', ['Home']);
      const member = await page('/members/stockport-janet-hollins');
      expectPage(member, 'Councillor Janet Hollins', ['Home', 'Councillors']);
      const text = pageText(member.root);
      for (const expected of [
        'Liberal Democrat',
        'Marple North',
        'Children & Families Scrutiny Committee',
        'Present',
        'Her daughter is employed as a social worker',
      ])
        expect(text).toContain(expected);
    },
    SLOW,
  );

  it(
    'shows a portfolio: the agreement’s priorities and measures with their latest result, RAG and trend',
    async () => {
      const portfolio = await page('/portfolios/CFSE');
      expectPage(portfolio, 'Children, Family Services and Education portfolio', ['Home']);
      const text = pageText(portfolio.root);
      expect(text).toContain('Priority 1: Best start in life');
      expect(text).toContain('Q3 2021/22');
      expect(portfolio.root.querySelectorAll('.govuk-tag--red').length).toBeGreaterThan(0);
      expect(text).toMatch(/Red: \d/);
    },
    SLOW,
  );

  it.each([
    ['/nope'],
    ['/meetings/no-such-meeting'],
    [`/meetings/${NOVEMBER}/items/99`],
    ['/members/nobody'],
    ['/committees/none'],
    ['/portfolios/NONE'],
    ['/meetings/none/agenda-pack.pdf'],
  ])('answers %s with a 404 page', async (path) => {
    const missing = await page(path);
    expect(missing.status).toBe(404);
    expect(whitespace(missing.root.querySelector('h1')!.text)).toBe('Page not found');
  });

  it(
    'revalidates what it keeps with If-None-Match: a second view of a meeting is answered by 304s',
    async () => {
      await page(`/meetings/${NOVEMBER}`);
      const before = site.api.stats.revalidated;
      await page(`/meetings/${NOVEMBER}`);
      expect(site.api.stats.revalidated).toBeGreaterThan(before);
    },
    SLOW,
  );

  it(
    'searches through the API: hits best first with the matched words marked, filters, pages, and a form error for a query with no word',
    async () => {
      const empty = await page('/search');
      expectPage(empty, 'Search', ['Home']);
      expect(empty.root.querySelector('form[role="search"] input[name="q"]')).not.toBeNull();
      expect(empty.root.querySelector('#results')).toBeNull();

      const found = await page('/search?q=school+transport');
      expectPage(found, 'Search', ['Home']);
      const api = await apiJson('/api/v1/search?q=school+transport&limit=20');
      const hits = found.root.querySelectorAll('.app-search-result');
      expect(hits.length).toBe((api['items'] as Json[]).length);
      expect(whitespace(found.root.querySelector('#results')!.text)).toBe(
        `${api['total']} results for ‘school transport’`,
      );
      // The API's order and its marked words, nothing of the site's own.
      const firstApi = (api['items'] as Json[])[0]!;
      const firstLink = hits[0]!.querySelector('a')!.getAttribute('href');
      expect(firstLink).toContain(`/meetings/${firstApi['meetingId']}`);
      const marked = hits[0]!.querySelectorAll('mark').map((m) => m.text.toLowerCase());
      expect(marked.length).toBeGreaterThan(0);
      expect(
        (firstApi['snippet'] as Json[])
          .filter((s) => s['match'])
          .map((s) => (s['text'] as string).toLowerCase()),
      ).toEqual(marked);
      for (const hit of hits) {
        const href = hit.querySelector('a')!.getAttribute('href')!;
        expect((await page(href.split('#')[0]!)).status).toBe(200);
      }

      const filtered = await page('/search?q=school+transport&kind=minutes');
      for (const hit of filtered.root.querySelectorAll('.app-search-result'))
        expect(hit.text).toContain('Minutes ·');
      const none = await page('/search?q=school+transport&committee=flintshire-cros');
      expect(whitespace(none.root.querySelector('#results')!.text)).toBe(
        'No results for ‘school transport’',
      );

      const all = await apiJson('/api/v1/search?q=children&limit=100');
      expect(all['total'] as number).toBeGreaterThan(20);
      const second = await page('/search?q=children&page=2');
      const secondTitles = second.root
        .querySelectorAll('.app-search-result h3')
        .map((h) => whitespace(h.text));
      expect(secondTitles[0]).toContain(
        whitespace(((all['items'] as Json[])[20]!['title'] as string).slice(0, 40)),
      );
      expect(second.root.querySelector('.govuk-pagination')).not.toBeNull();

      const error = await page('/search?q=-budget');
      expect(error.status).toBe(200);
      expect(whitespace(error.root.querySelector('title')!.text)).toMatch(/^Error: /);
      expect(error.root.querySelector('.govuk-error-summary a[href="#q"]')).not.toBeNull();
      expect(error.root.querySelector('#q-error')).not.toBeNull();
    },
    SLOW,
  );

  it(
    'names the attached paper a hit was found in, as the API says, from a Word report and a PDF appendix',
    async () => {
      const api = await apiJson('/api/v1/search?q=foster+carers&limit=20');
      const fromFiles = (api['items'] as Json[]).filter((hit) => hit['document'] !== undefined);
      // The sample council's item 6 carries a Word report and a PDF appendix that both say it.
      expect(fromFiles.map((hit) => (hit['document'] as Json)['mediaType']).sort()).toEqual([
        'application/pdf',
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      ]);
      const found = await page('/search?q=foster+carers');
      const hits = found.root.querySelectorAll('.app-search-result');
      expect(hits.length).toBe((api['items'] as Json[]).length);
      (api['items'] as Json[]).forEach((hit, index) => {
        const line = hits[index]!.querySelector('.app-search-result__document');
        const document = hit['document'] as Json | undefined;
        if (document === undefined) expect(line).toBeNull();
        else
          expect(whitespace(line!.text)).toBe(
            `In the attached paper ‘${document['title'] as string}’ (${
              document['mediaType'] === 'application/pdf' ? 'PDF' : 'Word document'
            })`,
          );
      });
    },
    SLOW,
  );

  it(
    'filters search by date in GOV.UK date inputs: the API’s hits for the date, the boxes kept in the page links, each bad date a form error',
    async () => {
      const all = await apiJson('/api/v1/search?q=children&limit=100');
      const dates = [
        ...new Set((all['items'] as Json[]).map((i) => i['meetingDate'] as string)),
      ].sort();
      expect(dates.length).toBeGreaterThan(1);
      const cut = dates[dates.length - 1]!;
      const [year, month, day] = cut.split('-') as [string, string, string];
      const api = await apiJson(`/api/v1/search?q=children&from=${cut}&limit=20`);
      expect(api['total'] as number).toBeLessThan(all['total'] as number);
      const boxes = `from-day=${Number(day)}&from-month=${Number(month)}&from-year=${year}`;
      const filtered = await page(`/search?q=children&${boxes}`);
      expect(whitespace(filtered.root.querySelector('#results')!.text)).toBe(
        `${api['total']} result${api['total'] === 1 ? '' : 's'} for ‘children’`,
      );
      // The boxes keep what was typed; a whole from=YYYY-MM-DD (an older link) fills them too.
      for (const path of [`/search?q=children&${boxes}`, `/search?q=children&from=${cut}`]) {
        const kept = await page(path);
        expect(kept.root.querySelector('input[name="from-year"]')!.getAttribute('value')).toBe(
          year,
        );
        expect(whitespace(kept.root.querySelector('#results')!.text)).toBe(
          whitespace(filtered.root.querySelector('#results')!.text),
        );
      }
      expect(filtered.root.querySelector('input[type="date"]')).toBeNull();
      // Pages after the first carry the boxes.
      const paged = await page('/search?q=children&from-day=1&from-month=1&from-year=2000');
      const next =
        paged.root.querySelector('.govuk-pagination__next a')?.getAttribute('href') ?? '';
      expect(next).toContain('from-year=2000');

      const cases: [string, string, string][] = [
        ['from-day=1&from-year=2022', '‘Meetings from’ must include a month', '#from-month'],
        ['to-month=2&to-year=2022', '‘Meetings to’ must include a day', '#to-day'],
        [
          'from-day=1&from-month=x&from-year=2022',
          'Enter a real date in ‘Meetings from’',
          '#from-month',
        ],
        [
          'from-day=1&from-month=2&from-year=22',
          'The year in ‘Meetings from’ must include 4 numbers',
          '#from-year',
        ],
        // Whether 31 February exists is the API's to say; its 400 comes back in the form's words.
        ['to-day=31&to-month=2&to-year=2022', 'Enter a real date in ‘Meetings to’', '#to-day'],
      ];
      for (const [query, text, href] of cases) {
        const error = await page(`/search?q=children&${query}`);
        expect(error.status).toBe(200);
        expect(whitespace(error.root.querySelector('title')!.text)).toMatch(/^Error: /);
        const link = error.root.querySelector('.govuk-error-summary a')!;
        expect([whitespace(link.text), link.getAttribute('href')]).toEqual([text, href]);
        expect(error.root.querySelector(href)!.getAttribute('class')).toContain(
          'govuk-input--error',
        );
        expect(error.root.querySelector('#results')).toBeNull();
      }
    },
    SLOW,
  );

  it('crawls from / to every meeting, item, committee, councillor and portfolio with no broken link and no exempt passage', async () => {
    // A late item and a late document of the March meeting that no supplementary agenda has
    // published, written through the API as the clerk: the clerk reads them, no page of the site.
    const LATE = 'ZQPENDINGLATE4b8e1d';
    const clerk = {
      Authorization: `Bearer ${await api.token('clerk')}`,
      'Content-Type': 'application/json',
    };
    const late = { urgencyReason: 'Received after the agenda was published' };
    const lateDocument = {
      title: `Appendix ${LATE}`,
      role: 'appendix',
      exemption: null,
      content: { kind: 'sections', sections: [{ heading: LATE, paragraphs: [LATE] }] },
      late,
    };
    const agenda = (await (
      await fetch(`${api.url}/api/v1/meetings/${MARCH}/agenda-items?limit=100`, { headers: clerk })
    ).json()) as Json;
    const open = (agenda['items'] as Json[]).find(
      (item) => item['exemption'] === null && item['kind'] === 'report',
    )!;
    const added = await fetch(`${api.url}/api/v1/meetings/${MARCH}/agenda-items`, {
      method: 'POST',
      headers: clerk,
      body: JSON.stringify({
        number: '99',
        order: 99,
        kind: 'report',
        title: `Urgent: ${LATE}`,
        summary: `To consider ${LATE}.`,
        recommendations: null,
        reportOf: [],
        contacts: [],
        exemption: null,
        documents: [],
        late,
      }),
    });
    expect(added.status).toBe(201);
    const changed = await fetch(`${api.url}/api/v1/agenda-items/${open['id']}`, {
      method: 'PUT',
      headers: { ...clerk, 'If-Match': String(open['version']) },
      body: JSON.stringify({
        ...open,
        documents: [...(open['documents'] as Json[]), lateDocument],
      }),
    });
    expect(changed.status).toBe(200);
    const asClerk = await (
      await fetch(`${api.url}/api/v1/meetings/${MARCH}`, { headers: clerk })
    ).text();
    expect(asClerk.split(LATE).length - 1).toBeGreaterThanOrEqual(2);
    expect((await page(`/meetings/${MARCH}/items/99`)).status).toBe(404);

    const passages = exemptPassages(loadSampleCouncil());
    expect(passages.length).toBeGreaterThan(0);
    // The search finds a passage however the page escapes it (a check that cannot fail proves nothing).
    const planted = `<p>${escapeHtml(passages[0]!)}</p>`;
    expect(
      leaks({ html: planted, root: (await import('node-html-parser')).parse(planted) }, passages),
    ).toEqual([passages[0]]);

    const seen = new Set<string>(['/']);
    const queue = ['/'];
    const broken: string[] = [];
    const leaked: string[] = [];
    const pdfs = new Set<string>();
    while (queue.length > 0) {
      const path = queue.shift()!;
      const fetched = await page(path);
      if (fetched.status !== 200) broken.push(`${path} (${fetched.status})`);
      for (const passage of leaks(fetched, passages))
        leaked.push(`${path}: ${passage.slice(0, 60)}`);
      if (fetched.html.includes(LATE)) leaked.push(`${path}: the pending late paper`);
      for (const a of fetched.root.querySelectorAll('a[href]')) {
        const href = a.getAttribute('href')!;
        const url = new URL(href, `${site.url}${path}`);
        if (url.origin !== site.url) continue;
        const target = url.pathname;
        // The PDFs and attached files are HEAD-checked, not crawled.
        if (target.endsWith('.pdf') || /^\/agenda-items\/.+\/file$/.test(target)) pdfs.add(target);
        else if (!seen.has(target)) {
          seen.add(target);
          queue.push(target);
        }
      }
    }
    for (const pdf of pdfs) {
      const response = await fetch(`${site.url}${pdf}`, { method: 'HEAD' });
      if (response.status !== 200) broken.push(`${pdf} (${response.status})`);
    }
    expect(broken).toEqual([]);
    expect(leaked).toEqual([]);

    const all = async (path: string): Promise<Json[]> =>
      (await apiJson(`${path}${path.includes('?') ? '&' : '?'}limit=100`))['items'] as Json[];
    const expected = [
      ...(await all('/api/v1/meetings')).map((m) => `/meetings/${m['id']}`),
      ...(await all('/api/v1/agenda-items')).map(
        (i) => `/meetings/${i['meetingId']}/items/${i['number']}`,
      ),
      ...(await all('/api/v1/committees')).map((c) => `/committees/${c['id']}`),
      ...(await all('/api/v1/members')).map((m) => `/members/${m['id']}`),
      ...(await all('/api/v1/portfolios')).map((p) => `/portfolios/${p['code']}`),
    ].map((path) => encodeURI(path));
    expect(expected.filter((path) => !seen.has(path))).toEqual([]);
    expect(pdfs.size).toBeGreaterThan(5);
  }, 300_000);
  describe('compression', () => {
    const decode = (raw: Raw): Buffer => {
      const coding = raw.headers['content-encoding'];
      if (coding === 'br') return brotliDecompressSync(raw.body);
      if (coding === 'gzip') return gunzipSync(raw.body);
      if (coding === undefined) return raw.body;
      throw new Error(`unexpected Content-Encoding ${String(coding)}`);
    };
    // Each page carries a fresh CSP nonce; apart from it, two answers to a GET are the same bytes.
    const withoutNonce = (html: string): string =>
      html.replace(/nonce-[A-Za-z0-9+/=]+/g, 'nonce-N').replace(/nonce="[^"]*"/g, 'nonce="N"');
    const vary = (raw: Raw): string => String(raw.headers['vary'] ?? '').toLowerCase();

    it.each([`/meetings/${NOVEMBER}`, '/search?q=school+transport', '/meetings/no-such-meeting'])(
      'sends the page %s in br or gzip as the browser asks, decoding to the page sent uncompressed',
      async (path) => {
        const plain = await rawGet(`${site.url}${path}`);
        expect(plain.headers['content-encoding']).toBeUndefined();
        expect(vary(plain)).toContain('accept-encoding');
        expect(Number(plain.headers['content-length'])).toBe(plain.body.length);
        for (const [asked, coding] of [
          ['gzip, deflate, br', 'br'],
          ['gzip', 'gzip'],
          ['br;q=0.1, gzip;q=0.9', 'gzip'],
        ] as const) {
          const packed = await rawGet(`${site.url}${path}`, { 'Accept-Encoding': asked });
          expect(packed.status).toBe(plain.status);
          expect(packed.headers['content-encoding']).toBe(coding);
          expect(Number(packed.headers['content-length'])).toBe(packed.body.length);
          expect(packed.body.length).toBeLessThan(plain.body.length / 2);
          expect(vary(packed)).toContain('accept-encoding');
          expect(withoutNonce(decode(packed).toString('utf8'))).toBe(
            withoutNonce(plain.body.toString('utf8')),
          );
        }
        const refused = await rawGet(`${site.url}${path}`, { 'Accept-Encoding': 'identity' });
        expect(refused.headers['content-encoding']).toBeUndefined();
      },
    );

    it.each([
      '/assets/govuk-frontend.min.css',
      '/assets/govuk-frontend.min.js',
      '/assets/site.css',
    ])(
      'sends the asset %s compressed, decoding to the very bytes sent uncompressed',
      async (path) => {
        const plain = await rawGet(`${site.url}${path}`);
        expect(plain.status).toBe(200);
        for (const coding of ['br', 'gzip'] as const) {
          const packed = await rawGet(`${site.url}${path}`, { 'Accept-Encoding': coding });
          expect(packed.headers['content-encoding']).toBe(coding);
          expect(packed.headers['content-type']).toBe(plain.headers['content-type']);
          expect(vary(packed)).toContain('accept-encoding');
          expect(packed.body.length).toBeLessThan(plain.body.length);
          expect(decode(packed).equals(plain.body)).toBe(true);
        }
      },
    );

    it('sends a tiny asset and the PDFs as they are, whatever the browser asks', async () => {
      const tiny = await rawGet(`${site.url}/assets/init.js`, { 'Accept-Encoding': 'br, gzip' });
      expect(tiny.body.length).toBeLessThan(1024);
      expect(tiny.headers['content-encoding']).toBeUndefined();
      expect(tiny.body.toString('utf8')).toContain('initAll');
      const pdf = await rawGet(`${site.url}/meetings/${NOVEMBER}/agenda-pack.pdf`, {
        'Accept-Encoding': 'br, gzip',
      });
      expect(pdf.status).toBe(200);
      expect(pdf.headers['content-encoding']).toBeUndefined();
      expect(pdf.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(Number(pdf.headers['content-length'])).toBe(pdf.body.length);
    });
  });

  it(
    'shows an exempt item by title and paragraph only even when an answer holds its content (planted)',
    async () => {
      // A stand-in in front of the real API plants exempt content in the March meeting's answers,
      // as a broken API might: the site must still print none of it.
      const MARKER = 'PLANTED EXEMPT CONTENT that the public must never read';
      const plant = (item: Json): void => {
        if (item['number'] !== '9') return;
        item['summary'] = MARKER;
        item['isWithheld'] = false;
        item['recommendations'] = { lead: MARKER, style: 'lettered', items: [MARKER] };
        item['documents'] = [
          {
            title: 'Report',
            role: 'report',
            exemption: null,
            isWithheld: false,
            content: { kind: 'sections', sections: [{ heading: MARKER, paragraphs: [MARKER] }] },
          },
        ];
      };
      const proxy = createServer((request, response) => {
        void (async () => {
          const answer = await fetch(`${api.url}${request.url}`, {
            method: request.method ?? 'GET',
          });
          const type = answer.headers.get('content-type') ?? '';
          if (!type.includes('json') || !request.url?.startsWith(`/api/v1/meetings/${MARCH}`)) {
            response.writeHead(answer.status, { 'Content-Type': type });
            response.end(Buffer.from(await answer.arrayBuffer()));
            return;
          }
          const body = (await answer.json()) as Json;
          for (const item of (body['agendaItems'] ?? []) as Json[]) plant(item);
          for (const meeting of (body['meetings'] ?? []) as Json[])
            for (const item of meeting['agendaItems'] as Json[]) plant(item);
          response.writeHead(answer.status, { 'Content-Type': 'application/json' });
          response.end(JSON.stringify(body));
        })();
      });
      await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
      const planted = await startSite(`http://127.0.0.1:${(proxy.address() as AddressInfo).port}`);
      try {
        // The plant reaches the site: the stand-in's answer holds the marker.
        const served = await (
          await fetch(
            `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/api/v1/meetings/${MARCH}`,
          )
        ).text();
        expect(served).toContain(MARKER);
        for (const path of [`/meetings/${MARCH}`, `/meetings/${MARCH}/items/9`]) {
          const fetched = await getPage(`${planted.url}${path}`);
          expect(fetched.status).toBe(200);
          expect(fetched.html).not.toContain('PLANTED EXEMPT');
          expect(pageText(fetched.root)).toContain(describeExemption(3).notice);
        }
      } finally {
        await planted.stop();
        proxy.closeAllConnections();
        await new Promise<void>((resolve) => proxy.close(() => resolve()));
      }
    },
    SLOW,
  );
});

describe('the public site when the API fails', () => {
  it('answers 503 with a page when the API cannot be reached', async () => {
    const site = await startSite(`http://127.0.0.1:${await closedPort()}`);
    try {
      const down = await getPage(`${site.url}/meetings/${NOVEMBER}`);
      expect(down.status).toBe(503);
      expect(whitespace(down.root.querySelector('h1')!.text)).toBe(
        'Sorry, the service is unavailable',
      );
    } finally {
      await site.stop();
    }
  });

  it('answers 502 with a page when the API answers with an error', async () => {
    const broken: Server = createServer((_request, response) => {
      response.writeHead(500, { 'Content-Type': 'application/problem+json' });
      response.end('{"status":500}');
    });
    await new Promise<void>((resolve) => broken.listen(0, '127.0.0.1', resolve));
    const site = await startSite(`http://127.0.0.1:${(broken.address() as AddressInfo).port}`);
    try {
      const failed = await getPage(`${site.url}/committees`);
      expect(failed.status).toBe(502);
      expect(whitespace(failed.root.querySelector('h1')!.text)).toBe(
        'Sorry, there is a problem with the service',
      );
    } finally {
      await site.stop();
      await new Promise<void>((resolve) => broken.close(() => resolve()));
    }
  });
});

describe('the committee page’s purpose', () => {
  const env = createRenderer();
  const render = (purpose: string | null | undefined): string =>
    env.render('committee.njk', {
      committee: { name: 'Audit Committee', purpose, memberships: [] },
      authority: { name: 'Stockport Metropolitan Borough Council' },
      current: [],
      past: [],
      years: [],
      pageTitle: 'Audit Committee',
      siteName: 'Scrutineer',
      breadcrumbs: [],
      htmlLang: 'en-GB',
      cspNonce: 'n',
    });

  it('is left out, heading and all, when the committee has none', () => {
    for (const purpose of [null, undefined]) expect(render(purpose)).not.toMatch(/Purpose/);
  });

  it('prints a blank line as a new paragraph, and the text escaped', () => {
    const html = render('Considers <audit>\nand risk.\n\n  Approves the accounts.  ');
    expect(html).toContain('<h2 class="govuk-heading-l">Purpose</h2>');
    expect(html).toContain('<p class="govuk-body">Considers &lt;audit&gt;\nand risk.</p>');
    expect(html).toContain('<p class="govuk-body">Approves the accounts.</p>');
    expect(html).not.toContain('<audit>');
  });
});
