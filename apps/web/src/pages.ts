/**
 * What each page shows, read from the API. Nothing here computes a rule: RAG, trend, targets,
 * withholding and numbering are the API's answers; formatted figures come from the domain's
 * formatters, and a report's content from the reporter's document model (the same blocks its
 * PDF is drawn from), built from the public data set the API gives an anonymous caller.
 */
import {
  formatMeasureValue,
  municipalYearOf,
  publishedSupplements,
  supplementTitle,
  type CouncilDataset,
  type LatePaperItem,
  type LocalDate,
  type MeasureUnit,
} from '@scrutineer/domain';
import { buildAgendaPackModel, buildMinutesModel } from '@scrutineer/reporter';
import { type Api, everyPage, must, NotFound, type Schemas } from './api-client.js';
import { convertedBlocksHtml } from './blocks.js';
import { date, formatBytes } from './format.js';

export type Crumb = { readonly text: string; readonly href: string };

export type Page = {
  readonly view: string;
  readonly title: string;
  readonly breadcrumbs: readonly Crumb[];
  readonly lang?: string;
  readonly data: Record<string, unknown>;
};

type Meeting = Schemas['MeetingResource'];
type Committee = Schemas['CommitteeResource'];
type Authority = Schemas['AuthorityResource'];
type Dataset = Schemas['CouncilDataset'];

const HOME: Crumb = { text: 'Home', href: '/' };
const COMMITTEES: Crumb = { text: 'Committees', href: '/committees' };
const MEMBERS: Crumb = { text: 'Councillors', href: '/members' };

const authorities = async (api: Api): Promise<Authority[]> =>
  everyPage(async (page) =>
    must(await api.client.GET('/api/v1/authorities', { params: { query: page } })),
  );

const committees = async (api: Api): Promise<Committee[]> =>
  everyPage(async (page) =>
    must(
      await api.client.GET('/api/v1/committees', { params: { query: { ...page, sort: 'name' } } }),
    ),
  );

const meetings = async (
  api: Api,
  query: { committeeId?: string; from?: string; sort?: string } = {},
): Promise<Meeting[]> =>
  everyPage(async (page) =>
    must(
      await api.client.GET('/api/v1/meetings', {
        params: { query: { sort: '-date', ...query, ...page } },
      }),
    ),
  );

const portfolios = async (api: Api): Promise<Schemas['PortfolioResource'][]> =>
  everyPage(async (page) =>
    must(await api.client.GET('/api/v1/portfolios', { params: { query: page } })),
  );

const meetingDataset = async (api: Api, id: string): Promise<Dataset> =>
  must(await api.client.GET('/api/v1/meetings/{id}/dataset', { params: { path: { id } } }));

const today = (): string => new Date().toISOString().slice(0, 10);

export const home = async (api: Api): Promise<Page> => {
  const [councils, upcoming, recent, allCommittees, allPortfolios] = await Promise.all([
    authorities(api),
    meetings(api, { from: today(), sort: 'date' }),
    api.client
      .GET('/api/v1/meetings', { params: { query: { sort: '-date', limit: 10 } } })
      .then(must),
    committees(api),
    portfolios(api),
  ]);
  return {
    view: 'home.njk',
    title: 'Council meetings and papers',
    breadcrumbs: [],
    data: {
      councils: councils.map((council) => ({
        ...council,
        committees: allCommittees.filter((c) => c.authorityId === council.id),
        portfolios: allPortfolios.filter((p) => p.authorityId === council.id),
      })),
      upcoming,
      published: recent.items.filter((m) => m.agendaPublishedAt !== null),
    },
  };
};

export const committeeList = async (api: Api): Promise<Page> => {
  const [councils, all] = await Promise.all([authorities(api), committees(api)]);
  return {
    view: 'committees.njk',
    title: 'Committees',
    breadcrumbs: [HOME],
    data: {
      councils: councils
        .map((council) => ({
          ...council,
          committees: all.filter((c) => c.authorityId === council.id),
        }))
        .filter((council) => council.committees.length > 0),
    },
  };
};

export const committee = async (api: Api, id: string): Promise<Page> => {
  const found = must(await api.client.GET('/api/v1/committees/{id}', { params: { path: { id } } }));
  const [authority, its] = await Promise.all([
    api.client
      .GET('/api/v1/authorities/{id}', { params: { path: { id: found.authorityId } } })
      .then(must),
    meetings(api, { committeeId: id }),
  ]);
  // Meetings by municipal year, the authority's own (the domain's municipalYearOf), newest first.
  const years: { label: string; meetings: Meeting[] }[] = [];
  for (const meeting of its) {
    const { label } = municipalYearOf(
      meeting.date as LocalDate,
      authority.style.municipalYearStart,
    );
    const year = years.find((y) => y.label === label);
    if (year) year.meetings.push(meeting);
    else years.push({ label, meetings: [meeting] });
  }
  return {
    view: 'committee.njk',
    title: found.name,
    breadcrumbs: [HOME, COMMITTEES],
    data: {
      committee: found,
      authority,
      current: found.memberships.filter((m) => m.to === null),
      past: found.memberships.filter((m) => m.to !== null),
      years,
    },
  };
};

/** A PDF route's size, from a HEAD request to the API; null when it does not answer in time. */
const sizes = new Map<string, { bytes: number | null; at: number }>();
const pdfSize = async (api: Api, path: string): Promise<number | null> => {
  const kept = sizes.get(path);
  if (kept && Date.now() - kept.at < 300_000) return kept.bytes;
  let bytes: number | null = null;
  try {
    const response = await fetch(`${api.baseUrl}${path}`, {
      method: 'HEAD',
      signal: AbortSignal.timeout(10_000),
    });
    const length = response.headers.get('content-length');
    if (response.ok && length !== null) bytes = Number(length);
  } catch {
    bytes = null;
  }
  sizes.set(path, { bytes, at: Date.now() });
  return bytes;
};

type PdfLink = { readonly href: string; readonly text: string; readonly size: string | null };

const pdfLink = async (
  api: Api,
  apiPath: string,
  href: string,
  text: string,
): Promise<PdfLink> => ({
  href,
  text,
  size: formatBytes(await pdfSize(api, apiPath)),
});

type MeetingItem = Schemas['MeetingDetail']['agendaItems'][number];
type ItemDocument = MeetingItem['documents'][number];

const WORD = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The site's own path to an attached file (the API's `…/documents/{docId}/file`). */
const fileHref = (itemId: string, docId: string): string =>
  `/agenda-items/${encodeURIComponent(itemId)}/documents/${encodeURIComponent(docId)}/file`;

/** The id a document's section has on its item's page. */
const documentAnchor = (docId: string): string => `document-${docId}`;

/**
 * An attached file the public may read, as the pages link it: the file itself (its kind and
 * size, as the API gave them) and, for a Word document, its section of HTML on the item's page.
 */
const attachedFile = (
  meetingId: string,
  item: MeetingItem,
  document: ItemDocument,
): {
  readonly href: string;
  readonly kind: string;
  readonly size: string | null;
  readonly word: boolean;
  readonly htmlHref: string;
  readonly anchor: string;
} | null => {
  const content = document.content;
  if (document.isWithheld || content?.kind !== 'file') return null;
  const word = content.file.mediaType === WORD;
  return {
    href: fileHref(item.id, document.id),
    kind: word ? 'Word document' : 'PDF',
    size: formatBytes(content.file.byteLength),
    word,
    htmlHref: `/meetings/${encodeURIComponent(meetingId)}/items/${encodeURIComponent(item.number)}#${documentAnchor(document.id)}`,
    anchor: documentAnchor(document.id),
  };
};

export const meeting = async (api: Api, id: string): Promise<Page> => {
  // In parallel: the page's time is mostly the API's, building the data set.
  const [found, dataset] = await Promise.all([
    api.client.GET('/api/v1/meetings/{id}', { params: { path: { id } } }).then(must),
    meetingDataset(api, id),
  ]);
  const record = dataset.meetings.find((m) => m.meeting.id === id);
  const hasMinutes = record?.minutes !== null && record?.minutes !== undefined;
  const reports = new Map(dataset.performanceReports.map((r) => [r.id, r]));
  const items = await Promise.all(
    found.agendaItems.map(async (item) => ({
      ...item,
      // An exempt item shows its title and paragraph only, whatever else an answer held.
      withheld: item.isWithheld || item.exemption !== null,
      documents: await Promise.all(
        item.documents.map(async (document) => {
          const reportId =
            document.content?.kind === 'performance-report'
              ? document.content.performanceReportId
              : null;
          return {
            ...document,
            file: attachedFile(id, item, document),
            pdf:
              reportId !== null && reports.has(reportId)
                ? await pdfLink(
                    api,
                    `/api/v1/reports/${encodeURIComponent(reportId)}.pdf`,
                    `/reports/${encodeURIComponent(reportId)}.pdf`,
                    `${document.title} (PDF)`,
                  )
                : null,
          };
        }),
      ),
    })),
  );
  // Each supplementary agenda the API says was published (its papers' `late.supplement`).
  const supplementPdfs = await Promise.all(
    // The generated client's strings are the domain's branded ones (Instant) unbranded.
    publishedSupplements(found.agendaItems as unknown as readonly LatePaperItem[]).map(
      ({ supplement }) =>
        pdfLink(
          api,
          `/api/v1/meetings/${encodeURIComponent(id)}/supplement-pack.pdf?supplement=${supplement}`,
          `/meetings/${encodeURIComponent(id)}/supplements/${supplement}.pdf`,
          `${supplementTitle(supplement)} (PDF)`,
        ),
    ),
  );
  const [agendaPack, minutesPdf] = await Promise.all([
    found.agendaPublishedAt === null
      ? null
      : pdfLink(
          api,
          `/api/v1/meetings/${encodeURIComponent(id)}/agenda-pack.pdf`,
          `/meetings/${encodeURIComponent(id)}/agenda-pack.pdf`,
          'Agenda pack (PDF)',
        ),
    hasMinutes
      ? pdfLink(
          api,
          `/api/v1/meetings/${encodeURIComponent(id)}/minutes.pdf`,
          `/meetings/${encodeURIComponent(id)}/minutes.pdf`,
          'Minutes (PDF)',
        )
      : null,
  ]);
  const minutes = hasMinutes
    ? buildMinutesModel(dataset as unknown as CouncilDataset, id).sections
    : [];
  return {
    view: 'meeting.njk',
    title: `${found.committeeName}, ${date(found.date, true)}`,
    breadcrumbs: [
      HOME,
      COMMITTEES,
      { text: found.committeeName, href: `/committees/${encodeURIComponent(found.committeeId)}` },
    ],
    data: {
      meeting: found,
      items,
      attendance: record?.attendance ?? null,
      declarations: record?.declarations ?? null,
      minutesRecord: record?.minutes ?? null,
      minutes,
      agendaPack,
      minutesPdf,
      supplementPdfs,
    },
  };
};

export const item = async (api: Api, id: string, number: string): Promise<Page> => {
  // The public data set is asked for at once (an exempt item's page does not use it).
  const dataset = meetingDataset(api, id);
  dataset.catch(() => undefined);
  const found = must(await api.client.GET('/api/v1/meetings/{id}', { params: { path: { id } } }));
  const agendaItem = found.agendaItems.find((candidate) => candidate.number === number);
  if (!agendaItem) throw new NotFound(`No item ${number} at meeting ${id}`);
  const breadcrumbs = [
    HOME,
    COMMITTEES,
    { text: found.committeeName, href: `/committees/${encodeURIComponent(found.committeeId)}` },
    { text: date(found.date), href: `/meetings/${encodeURIComponent(id)}` },
  ];
  const title = `${agendaItem.number}. ${agendaItem.title}`;
  if (agendaItem.isWithheld || agendaItem.exemption !== null) {
    // Whatever else the answer held, an exempt item shows its title and paragraph only.
    return {
      view: 'item.njk',
      title,
      breadcrumbs,
      data: {
        meeting: found,
        item: {
          number: agendaItem.number,
          title: agendaItem.title,
          exemption: agendaItem.exemption,
        },
        exempt: true,
      },
    };
  }
  const data = await dataset;
  // The attached files are shown below the item's own papers, each in its own section: the
  // pack's notice that it does not reproduce them is not for this page.
  const model = buildAgendaPackModel(withoutFiles(data as unknown as CouncilDataset), id, 'public');
  const files = await Promise.all(
    agendaItem.documents.map(async (document) => {
      const file = attachedFile(id, agendaItem, document);
      if (file === null) return null;
      // A document gone since the meeting was read (404) is shown by its file link alone.
      const converted = file.word
        ? await api.client
            .GET('/api/v1/agenda-items/{id}/documents/{docId}/converted', {
              params: { path: { id: agendaItem.id, docId: document.id } },
            })
            .then(must)
            .catch((error: unknown) => {
              if (error instanceof NotFound) return null;
              throw error;
            })
        : null;
      return {
        title: document.title,
        ...file,
        html:
          converted === null
            ? null
            : convertedBlocksHtml(converted.blocks, {
                topHeading: 3,
                idPrefix: `${file.anchor}-`,
                title: document.title,
              }),
      };
    }),
  );
  const section = model.items.find((candidate) => candidate.number === number)?.section ?? null;
  const reportIds = agendaItem.documents.flatMap((d) =>
    d.content?.kind === 'performance-report' ? [d.content.performanceReportId] : [],
  );
  const related = data.performanceReports
    .filter((r) => reportIds.includes(r.id))
    .map((r) => ({
      id: r.id,
      portfolioCode: r.portfolioCode,
      href: `/reports/${encodeURIComponent(r.id)}.pdf`,
    }));
  return {
    view: 'item.njk',
    title,
    breadcrumbs,
    data: {
      meeting: found,
      item: agendaItem,
      exempt: false,
      blocks: withoutTitle(section?.blocks ?? [], title),
      files: files.filter((file) => file !== null),
      related,
    },
  };
};

/**
 * The data set without the attached files the public may read: the item page shows those itself.
 * An exempt one stays, for the pack's notice of its title and paragraph.
 */
const withoutFiles = (dataset: CouncilDataset): CouncilDataset => ({
  ...dataset,
  meetings: dataset.meetings.map((document) => ({
    ...document,
    agendaItems: document.agendaItems.map((item) => ({
      ...item,
      documents: item.documents.filter((d) => d.content.kind !== 'file' || d.exemption !== null),
    })),
  })),
});

/** The section's own first heading repeats the item's number and title, which the page's <h1> already says. */
const withoutTitle = (blocks: readonly unknown[], title: string): readonly unknown[] => {
  const first = blocks[0] as { kind?: string; runs?: { text: string }[] } | undefined;
  const text = first?.kind === 'heading' ? (first.runs ?? []).map((r) => r.text).join('') : null;
  return text !== null && text.replace(/\s+/g, ' ').trim() === title.replace(/\s+/g, ' ').trim()
    ? blocks.slice(1)
    : blocks;
};

export const memberList = async (api: Api): Promise<Page> => {
  const all = await everyPage(async (page) =>
    must(await api.client.GET('/api/v1/members', { params: { query: { ...page, sort: 'name' } } })),
  );
  return { view: 'members.njk', title: 'Councillors', breadcrumbs: [HOME], data: { members: all } };
};

export const member = async (api: Api, id: string): Promise<Page> => {
  const found = must(await api.client.GET('/api/v1/members/{id}', { params: { path: { id } } }));
  const [all, declarations] = await Promise.all([
    committees(api),
    everyPage(async (page) =>
      must(
        await api.client.GET('/api/v1/declarations', {
          params: { query: { ...page, memberId: id } },
        }),
      ),
    ),
  ]);
  const seats = all.flatMap((c) =>
    c.memberships
      .filter((m) => m.member?.memberId === id)
      .map((m) => ({ committee: c, role: m.role, from: m.from, to: m.to })),
  );
  const sat = [...new Set(seats.map((s) => s.committee.id))];
  const theirMeetings = (
    await Promise.all(sat.map((committeeId) => meetings(api, { committeeId })))
  ).flat();
  const attendance = (
    await Promise.all(
      theirMeetings.map(async (m) => {
        const answer = must(
          await api.client.GET('/api/v1/meetings/{id}/attendance', {
            params: { path: { id: m.id } },
          }),
        );
        const record = answer.attendance;
        let recorded = 'Attendance not recorded';
        if (record.kind === 'recorded') {
          const present = record.present.find((p) => p.person.memberId === id);
          const substitute = record.substitutes.find((s) => s.person.memberId === id);
          if (present)
            recorded =
              present.role === 'member' ? 'Present' : `Present (${present.role.replace('-', ' ')})`;
          else if (substitute) recorded = 'Present as a substitute';
          else if (record.apologies.some((a) => a.memberId === id)) recorded = 'Apologies';
          else recorded = 'Not listed as present';
        }
        return { meeting: m, recorded };
      }),
    )
  ).sort((a, b) => (a.meeting.date < b.meeting.date ? 1 : -1));
  // Each declaration names its meeting by committee and date, as the meeting pages do.
  const known = new Map(theirMeetings.map((m) => [m.id, m]));
  const made = await Promise.all(
    declarations.map(async (declaration) => ({
      ...declaration,
      meeting:
        known.get(declaration.meetingId) ??
        must(
          await api.client.GET('/api/v1/meetings/{id}', {
            params: { path: { id: declaration.meetingId } },
          }),
        ),
    })),
  );
  return {
    view: 'member.njk',
    title: found.name,
    breadcrumbs: [HOME, MEMBERS],
    data: { member: found, seats, attendance, declarations: made },
  };
};

const RAG_WORDS: Readonly<Record<Schemas['RagStatus'], { words: string; tag: string }>> = {
  green: { words: 'Green', tag: 'govuk-tag--green' },
  amber: { words: 'Amber', tag: 'govuk-tag--yellow' },
  red: { words: 'Red', tag: 'govuk-tag--red' },
  'no-target': { words: 'No target', tag: 'govuk-tag--grey' },
  'no-data': { words: 'No data', tag: 'govuk-tag--grey' },
};

export const portfolio = async (api: Api, code: string): Promise<Page> => {
  const found = must(
    await api.client.GET('/api/v1/portfolios/{code}', { params: { path: { code } } }),
  );
  const [agreements, measures, results] = await Promise.all([
    api.client
      .GET('/api/v1/agreements', {
        params: { query: { portfolio: code, sort: '-year', limit: 1 } },
      })
      .then(must),
    everyPage(async (page) =>
      must(
        await api.client.GET('/api/v1/measures', {
          params: { query: { ...page, portfolio: code } },
        }),
      ),
    ),
    everyPage(async (page) =>
      must(
        await api.client.GET('/api/v1/results', {
          params: { query: { ...page, portfolio: code, sort: '-period' } },
        }),
      ),
    ),
  ]);
  const summary = agreements.items[0];
  const agreement = summary
    ? must(
        await api.client.GET('/api/v1/agreements/{id}', { params: { path: { id: summary.id } } }),
      )
    : null;
  const value = (measure: Schemas['MeasureResource'], v: unknown): string =>
    typeof v === 'number'
      ? formatMeasureValue(v, measure.unit as MeasureUnit, measure.decimals)
      : v !== null && typeof v === 'object'
        ? 'Not known' // a missing fact: { kind: 'unknown', reason }
        : '';
  const row = (measure: Schemas['MeasureResource']) => {
    // The API sorts by period, newest first: the first of a measure's results is its latest.
    const latest = results.find((r) => r.measureCode === measure.code) ?? null;
    const target = agreement?.targets.find((t) => t.measureCode === measure.code) ?? null;
    return {
      measure,
      target: target ? value(measure, target.target) : '',
      latest: latest
        ? {
            period: latest.periodLabel,
            value: value(measure, latest.value),
            status: latest.status,
            rag: { ...RAG_WORDS[latest.rag.status], explanation: latest.rag.explanation },
            trend: latest.trend,
          }
        : null,
    };
  };
  const priorities = (agreement?.priorities ?? []).map((priority) => ({
    ...priority,
    rows: measures.filter((m) => m.priorityNumber === priority.number).map(row),
  }));
  const others = measures
    .filter((m) => !priorities.some((p) => p.number === m.priorityNumber))
    .map(row);
  return {
    view: 'portfolio.njk',
    title: `${found.name} portfolio`,
    breadcrumbs: [HOME],
    data: { portfolio: found, agreement, priorities, others },
  };
};

/** Hits per page of the search results. */
export const SEARCH_PAGE_SIZE = 20;

const SEARCH_KIND_LABELS: Record<string, string> = {
  'agenda-item': 'Agenda item',
  report: 'Report',
  minutes: 'Minutes',
};

/** A date as the GOV.UK date-input pattern asks for it: day, month and year in three boxes. */
type DateParts = { readonly day: string; readonly month: string; readonly year: string };

type SearchForm = {
  readonly q: string;
  readonly committee: string;
  readonly from: DateParts;
  readonly to: DateParts;
  readonly kind: string;
  readonly page: number;
};

type SearchError = { readonly field: string; readonly text: string; readonly parts?: string[] };

const DATE_LABELS = { from: 'Meetings from', to: 'Meetings to' } as const;

/**
 * A date's three boxes from the query: `from-day`, `from-month`, `from-year`; a whole
 * `from=YYYY-MM-DD` (a link written before the boxes, or by hand) fills them too.
 */
const dateParts = (params: URLSearchParams, name: 'from' | 'to'): DateParts => {
  const whole = /^(\d{4})-(\d{2})-(\d{2})$/.exec(params.get(name) ?? '');
  if (whole !== null) return { day: whole[3] ?? '', month: whole[2] ?? '', year: whole[1] ?? '' };
  const part = (unit: string) => (params.get(`${name}-${unit}`) ?? '').trim();
  return { day: part('day'), month: part('month'), year: part('year') };
};

/**
 * The date the API is sent (`YYYY-MM-DD`), '' for three empty boxes, or what to tell the reader
 * when the boxes cannot make one, in the pattern's words. Whether the day exists in its month is
 * the API's to say (its 400 comes back as "Enter a real date").
 */
const composeDate = (parts: DateParts, name: 'from' | 'to'): string | SearchError => {
  const label = DATE_LABELS[name];
  const units = ['day', 'month', 'year'] as const;
  const missing = units.filter((unit) => parts[unit] === '');
  if (missing.length === 3) return '';
  if (missing.length > 0)
    return {
      field: name,
      text: `‘${label}’ must include a ${missing.join(' and a ')}`,
      parts: [...missing],
    };
  const wrong = units.filter((unit) => !/^\d+$/.test(parts[unit]));
  if (wrong.length > 0)
    return { field: name, text: `Enter a real date in ‘${label}’`, parts: wrong };
  if (parts.year.length !== 4)
    return { field: name, text: `The year in ‘${label}’ must include 4 numbers`, parts: ['year'] };
  const two = (value: string) => value.padStart(2, '0').slice(-2);
  if (parts.day.length > 2 || parts.month.length > 2)
    return { field: name, text: `Enter a real date in ‘${label}’` };
  return `${parts.year}-${two(parts.month)}-${two(parts.day)}`;
};

const searchForm = (params: URLSearchParams): SearchForm => {
  const page = Number(params.get('page') ?? '1');
  return {
    q: (params.get('q') ?? '').trim(),
    committee: params.get('committee') ?? '',
    from: dateParts(params, 'from'),
    to: dateParts(params, 'to'),
    kind: params.get('kind') ?? '',
    page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1,
  };
};

/** The form's fields as a query string (empty ones left out), with another page. */
const searchHref = (form: SearchForm, page: number): string => {
  const query = new URLSearchParams();
  if (form.q !== '') query.set('q', form.q);
  if (form.committee !== '') query.set('committee', form.committee);
  for (const name of ['from', 'to'] as const)
    for (const unit of ['day', 'month', 'year'] as const)
      if (form[name][unit] !== '') query.set(`${name}-${unit}`, form[name][unit]);
  if (form.kind !== '') query.set('kind', form.kind);
  if (page > 1) query.set('page', String(page));
  return `/search?${query.toString()}`;
};

/** The date boxes as govukDateInput's items, the ones in error marked. */
const dateItems = (parts: DateParts, error: SearchError | undefined) =>
  (['day', 'month', 'year'] as const).map((unit) => ({
    name: unit,
    value: parts[unit],
    classes: [
      unit === 'year' ? 'govuk-input--width-4' : 'govuk-input--width-2',
      error !== undefined && (error.parts === undefined || error.parts.includes(unit))
        ? 'govuk-input--error'
        : '',
    ]
      .join(' ')
      .trim(),
  }));

/** What the API's 400 said was wrong, in the words of the form's fields. */
const searchError = (body: unknown): SearchError => {
  const errors = (body as { errors?: { path?: string }[] } | null)?.errors ?? [];
  const path = errors.map((e) => e.path ?? '').join(' ');
  if (/\bfrom\b/.test(path)) return { field: 'from', text: 'Enter a real date in ‘Meetings from’' };
  if (/\bto\b/.test(path)) return { field: 'to', text: 'Enter a real date in ‘Meetings to’' };
  if (/\bcommittee\b/.test(path)) return { field: 'committee', text: 'Choose a committee' };
  if (/\bkind\b/.test(path)) return { field: 'kind', text: 'Choose what to search' };
  return { field: 'q', text: 'Enter a word to search for (a word after a minus sign is left out)' };
};

/** Where the error summary's link takes focus: a date's first box in error, or the field. */
const errorHref = (error: SearchError): string =>
  error.field === 'from' || error.field === 'to'
    ? `#${error.field}-${error.parts?.[0] ?? 'day'}`
    : `#${error.field}`;

/**
 * `/search?q=`: the API's full-text search (its ranking, snippets and withholding), with the
 * committee, date and kind filters and pages of 20. Nothing is searched here.
 */
export const search = async (api: Api, params: URLSearchParams): Promise<Page> => {
  const form = searchForm(params);
  const all = await committees(api);
  const data: Record<string, unknown> = {
    form,
    committees: all.map((c) => ({ value: c.id, text: c.name, selected: c.id === form.committee })),
    kinds: Object.entries(SEARCH_KIND_LABELS).map(([value, text]) => ({
      value,
      text,
      selected: value === form.kind,
    })),
  };
  const base: Omit<Page, 'data'> = { view: 'search.njk', title: 'Search', breadcrumbs: [HOME] };
  const failed = (error: SearchError): Page => ({
    ...base,
    title: `Error: ${base.title}`,
    data: {
      ...data,
      error: { ...error, href: errorHref(error) },
      fromItems: dateItems(form.from, error.field === 'from' ? error : undefined),
      toItems: dateItems(form.to, error.field === 'to' ? error : undefined),
    },
  });
  data['fromItems'] = dateItems(form.from, undefined);
  data['toItems'] = dateItems(form.to, undefined);
  const from = composeDate(form.from, 'from');
  const to = composeDate(form.to, 'to');
  if (typeof from !== 'string') return failed(from);
  if (typeof to !== 'string') return failed(to);
  if (form.q === '') return { ...base, data };
  const answer = await api.client.GET('/api/v1/search', {
    params: {
      query: {
        q: form.q,
        ...(form.committee === '' ? {} : { committee: form.committee }),
        ...(from === '' ? {} : { from }),
        ...(to === '' ? {} : { to }),
        ...(form.kind === '' ? {} : { kind: form.kind as 'agenda-item' | 'report' | 'minutes' }),
        limit: SEARCH_PAGE_SIZE,
        offset: (form.page - 1) * SEARCH_PAGE_SIZE,
      },
    },
  });
  if (answer.response.status === 400) return failed(searchError(answer.error));
  const found = must(answer);
  const names = new Map(all.map((c) => [c.id, c.name]));
  const pages = Math.max(1, Math.ceil(found.total / SEARCH_PAGE_SIZE));
  const hits = found.items.map((hit) => ({
    href:
      hit.kind === 'minutes' || hit.number === null
        ? `/meetings/${encodeURIComponent(hit.meetingId)}#minutes`
        : `/meetings/${encodeURIComponent(hit.meetingId)}/items/${encodeURIComponent(hit.number)}`,
    title: hit.kind === 'minutes' ? `Minute ${hit.title}` : hit.title,
    kind: SEARCH_KIND_LABELS[hit.kind] ?? hit.kind,
    committee: names.get(hit.committeeId) ?? hit.committeeId,
    date: date(hit.meetingDate, true),
    snippet: hit.snippet,
    // The text of an attached paper: the API says which one matched.
    document:
      hit.document === undefined
        ? null
        : {
            title: hit.document.title,
            kind: hit.document.mediaType === WORD ? 'Word document' : 'PDF',
          },
  }));
  return {
    ...base,
    title: `Search results for ‘${form.q}’`,
    data: {
      ...data,
      results: {
        total: found.total,
        hits,
        from: found.total === 0 ? 0 : found.offset + 1,
        to: found.offset + found.items.length,
        pagination:
          pages <= 1
            ? null
            : {
                previous: form.page > 1 ? { href: searchHref(form, form.page - 1) } : undefined,
                next: form.page < pages ? { href: searchHref(form, form.page + 1) } : undefined,
                items: Array.from({ length: pages }, (_, i) => i + 1)
                  .filter((n) => n === 1 || n === pages || Math.abs(n - form.page) <= 2)
                  .flatMap((n, i, shown) => [
                    ...(i > 0 && n - (shown[i - 1] ?? n) > 1 ? [{ ellipsis: true }] : []),
                    { number: n, href: searchHref(form, n), current: n === form.page },
                  ]),
              },
      },
    },
  };
};
