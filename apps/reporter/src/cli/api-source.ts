import {
  parsePeriodCode,
  type Authority,
  type Committee,
  type CouncilDataset,
  type FinancialMonitoring,
  type Maybe,
  type MeasureResult,
  type MeetingDocument,
  type Member,
  type PerformanceMeasure,
  type PerformanceReport,
  type Portfolio,
  type PortfolioAgreement,
} from '@scrutineer/domain';
import { CliError, EXIT_CODES } from './cli-error.js';

/** A running Scrutineer API: its base URL (`http://127.0.0.1:3000`) and a bearer token. */
export type ApiSource = {
  readonly baseUrl: string;
  readonly token: string | null;
  /** Per request; default 30 s. */
  readonly timeoutMs?: number;
  /** Items asked for per list page; default (and the API's maximum) 100. */
  readonly pageLimit?: number;
};

/** What a command needs from the API, so only that is fetched. */
export type DatasetScope =
  | { readonly kind: 'meeting'; readonly meetingId: string }
  | { readonly kind: 'report'; readonly reportId: string };

const API_PREFIX = '/api/v1';

/** `http://host:3000`, `http://host:3000/` and `http://host:3000/api/v1` all name the same API. */
export const apiRoot = (baseUrl: string): URL => {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new CliError(
      EXIT_CODES.usage,
      `--api ${baseUrl} is not a URL (e.g. http://127.0.0.1:3000).`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new CliError(EXIT_CODES.usage, `--api ${baseUrl} must be an http or https URL.`);
  }
  const path = url.pathname.replace(/\/+$/, '').replace(/\/api\/v1$/, '');
  return new URL(`${url.origin}${path}${API_PREFIX}/`);
};

/**
 * GETs `path` (relative to /api/v1) as JSON. Returns null on 404 so the caller can say what
 * was not found; every other failure is a CliError with the API's own problem detail.
 */
export const getJson = async (source: ApiSource, path: string): Promise<unknown> => {
  const url = new URL(path, apiRoot(source.baseUrl));
  let response: Response;
  try {
    response = await fetch(url, {
      headers: {
        accept: 'application/json',
        ...(source.token !== null ? { authorization: `Bearer ${source.token}` } : {}),
      },
      signal: AbortSignal.timeout(source.timeoutMs ?? 30_000),
    });
  } catch (error) {
    throw new CliError(
      EXIT_CODES.apiError,
      `Cannot reach the API at ${source.baseUrl}: ${describeFetchError(error)}.`,
    );
  }
  if (response.status === 404) return null;
  const body = await response.text();
  if (!response.ok) {
    throw new CliError(EXIT_CODES.apiError, describeHttpError(source, url, response, body));
  }
  try {
    return JSON.parse(body) as unknown;
  } catch {
    throw new CliError(
      EXIT_CODES.apiError,
      `The API answered GET ${url.pathname} with something that is not JSON.`,
    );
  }
};

const describeHttpError = (
  source: ApiSource,
  url: URL,
  response: Response,
  body: string,
): string => {
  const detail = problemDetail(body);
  const status = `${response.status} ${response.statusText}`.trim();
  const suffix = detail === null ? '' : `: ${detail}`;
  if (response.status === 401) {
    return source.token === null
      ? `The API needs a token for GET ${url.pathname} (${status}); pass --token or set SCRUTINEER_TOKEN${suffix}.`
      : `The API refused the token for GET ${url.pathname} (${status})${suffix}.`;
  }
  if (response.status === 403) {
    return `The token may not read GET ${url.pathname} (${status}); the confidential edition needs a clerk or member token${suffix}.`;
  }
  return `The API answered GET ${url.pathname} with ${status}${suffix}.`;
};

/** `detail` (or `title`) of an RFC 9457 problem body, when the body is one. */
const problemDetail = (body: string): string | null => {
  try {
    const problem = JSON.parse(body) as { detail?: unknown; title?: unknown };
    if (typeof problem.detail === 'string') return problem.detail.replace(/\.$/, '');
    if (typeof problem.title === 'string') return problem.title.replace(/\.$/, '');
  } catch {
    // not JSON: fall through
  }
  return null;
};

const describeFetchError = (error: unknown): string => {
  // Not `instanceof Error`: fetch's TimeoutError is a DOMException, from another realm under jest.
  if ((error as { name?: unknown } | null)?.name === 'TimeoutError') {
    return 'no answer within the time limit';
  }
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | null)?.cause;
  if (typeof cause?.code === 'string') return cause.code;
  if (typeof cause?.message === 'string') return cause.message;
  return error instanceof Error ? error.message : String(error);
};

/**
 * Reads what the scope needs from the API and assembles a CouncilDataset in the domain's shape
 * (the caller validates it). Routes, all under /api/v1:
 * - `meetings/:id/document` (a clerk or member token: it holds exempt content), or
 *   `performance-reports/:id` for a report on its own;
 * - `authorities`, `members`, `committees`, `portfolios`, `measures` (every page);
 * - `performance-reports/:id`, `agreements?portfolio=` and `agreements/:id`, `results?portfolio=`
 *   for the portfolios of the reports the document carries.
 * API responses add `version`, ids and derived fields, and spell some fields differently
 * (`label`/`amount` in Part Two, period codes, `…UnknownReason`): the mappers below list the
 * domain's fields one by one.
 */
export const loadDatasetFromApi = async (
  source: ApiSource,
  scope: DatasetScope,
): Promise<CouncilDataset> => {
  const meetings: MeetingDocument[] = [];
  let reportIds: string[];
  if (scope.kind === 'meeting') {
    const document = (await getJson(
      source,
      `meetings/${encodeURIComponent(scope.meetingId)}/document`,
    )) as MeetingDocument | null;
    if (document === null) {
      throw new CliError(
        EXIT_CODES.notFound,
        `No meeting "${scope.meetingId}" at ${source.baseUrl}.`,
      );
    }
    meetings.push(document);
    reportIds = document.agendaItems.flatMap((item) =>
      item.documents.flatMap((doc) =>
        doc.content.kind === 'performance-report' ? [doc.content.performanceReportId] : [],
      ),
    );
  } else {
    reportIds = [scope.reportId];
  }

  const [authorities, members, committees, portfolios, measures] = await Promise.all([
    getAll(source, 'authorities', toAuthority),
    getAll(source, 'members', toMember),
    getAll(source, 'committees', toCommittee),
    getAll(source, 'portfolios', toPortfolio),
    getAll(source, 'measures', toMeasure),
  ]);

  const performanceReports: PerformanceReport[] = [];
  for (const id of new Set(reportIds)) {
    const raw = await getJson(source, `performance-reports/${encodeURIComponent(id)}`);
    if (raw === null) {
      throw new CliError(
        scope.kind === 'report' ? EXIT_CODES.notFound : EXIT_CODES.apiError,
        `No performance report "${id}" at ${source.baseUrl}.`,
      );
    }
    performanceReports.push(toPerformanceReport(raw as ApiRecord));
  }

  const agreements: PortfolioAgreement[] = [];
  const results: MeasureResult[] = [];
  for (const code of new Set(performanceReports.map((report) => report.portfolioCode))) {
    const query = `portfolio=${encodeURIComponent(code)}`;
    const summaries = await getAll(source, `agreements?${query}`, (raw) => raw);
    for (const summary of summaries) {
      const detail = await getJson(
        source,
        `agreements/${encodeURIComponent(String(summary['id']))}`,
      );
      if (detail !== null) agreements.push(toAgreement(detail as ApiRecord));
    }
    results.push(...(await getAll(source, `results?${query}`, toResult)));
  }

  return {
    schemaVersion: 1,
    authorities,
    members,
    committees,
    portfolios,
    measures,
    agreements,
    results,
    performanceReports,
    meetings,
  };
};

type ApiRecord = Readonly<Record<string, unknown>>;

/** Every item of a paged list (`{ items, total, limit, offset }`), mapped. */
const getAll = async <T>(
  source: ApiSource,
  path: string,
  map: (raw: ApiRecord) => T,
): Promise<T[]> => {
  const items: T[] = [];
  const separator = path.includes('?') ? '&' : '?';
  const limit = source.pageLimit ?? 100;
  for (let offset = 0; ; offset += limit) {
    const page = (await getJson(source, `${path}${separator}limit=${limit}&offset=${offset}`)) as {
      items?: unknown;
      total?: unknown;
    } | null;
    if (page === null || !Array.isArray(page.items) || typeof page.total !== 'number') {
      throw new CliError(
        EXIT_CODES.apiError,
        `The API answered GET ${path} with something that is not a list page.`,
      );
    }
    items.push(...(page.items as ApiRecord[]).map(map));
    if (offset + limit >= page.total || page.items.length === 0) return items;
  }
};

/** A value the API sends beside its `…UnknownReason`, back to the domain's `Maybe`. */
const maybe = <T>(value: unknown, unknownReason: unknown): Maybe<T> =>
  typeof unknownReason === 'string' ? { kind: 'unknown', reason: unknownReason } : (value as T);

const toAuthority = (raw: ApiRecord): Authority =>
  ({
    id: raw['id'],
    name: raw['name'],
    shortName: raw['shortName'],
    region: raw['region'],
    style: raw['style'],
    closureDays: raw['closureDays'],
    website: raw['website'],
  }) as Authority;

const toMember = (raw: ApiRecord): Member =>
  ({ id: raw['id'], name: raw['name'], party: raw['party'], ward: raw['ward'] }) as Member;

const toCommittee = (raw: ApiRecord): Committee =>
  ({
    id: raw['id'],
    authorityId: raw['authorityId'],
    name: raw['name'],
    memberships: ((raw['members'] ?? []) as ApiRecord[]).map((membership) => ({
      member: membership['member'],
      role: membership['role'],
    })),
    clerk: raw['clerk'],
    portfolioCodes: raw['portfolioCodes'],
  }) as Committee;

const toPortfolio = (raw: ApiRecord): Portfolio =>
  ({
    code: raw['code'],
    authorityId: raw['authorityId'],
    name: raw['name'],
    cabinetMember: raw['cabinetMember'],
    directors: raw['directors'],
  }) as Portfolio;

const toMeasure = (raw: ApiRecord): PerformanceMeasure =>
  ({
    code: raw['code'],
    portfolioCode: raw['portfolioCode'],
    title: raw['title'],
    unit: raw['unit'],
    polarity: raw['polarity'],
    frequency: raw['frequency'],
    source: raw['source'],
    priorityNumber: raw['priorityNumber'],
    decimals: raw['decimals'],
  }) as PerformanceMeasure;

const toAgreement = (raw: ApiRecord): PortfolioAgreement =>
  ({
    portfolioCode: raw['portfolioCode'],
    year: raw['year'],
    status: raw['status'],
    considered: raw['considered'],
    approved: raw['approved'],
    priorities: raw['priorities'],
    targets: ((raw['targets'] ?? []) as ApiRecord[]).map((target) => ({
      measureCode: target['measureCode'],
      unit: target['unit'],
      target: maybe(target['target'], target['targetUnknownReason']),
      tolerance: target['tolerance'],
      toleranceRationale: target['toleranceRationale'],
    })),
    revenueBudget: raw['revenueBudget'],
    reserves: raw['reserves'],
    savings: raw['savings'],
    capital: raw['capital'],
  }) as PortfolioAgreement;

/** The API sends a period as `{ code, label, kind, … }` or as its code alone. */
const toPeriod = (raw: unknown) =>
  parsePeriodCode(typeof raw === 'string' ? raw : String((raw as ApiRecord | null)?.['code']));

const toResult = (raw: ApiRecord): MeasureResult =>
  ({
    measureCode: raw['measureCode'],
    period: toPeriod(raw['period']),
    value: maybe(raw['value'], raw['valueUnknownReason']),
    status: raw['status'],
    comparators: raw['comparators'],
    commentary: raw['commentary'],
  }) as MeasureResult;

const lines = (raw: unknown): ApiRecord[] => (Array.isArray(raw) ? (raw as ApiRecord[]) : []);

const toPartTwo = (raw: ApiRecord): FinancialMonitoring =>
  ({
    revenue: lines(raw['revenue']).map((line) => ({
      service: line['label'],
      budget: line['amount'],
      forecast: maybe(line['forecast'], line['forecastUnknownReason']),
    })),
    reserves: lines(raw['reserves']).map((line) => ({
      name: line['label'],
      balance: line['amount'],
      forecastUse: maybe(line['forecast'], line['forecastUnknownReason']),
    })),
    savings: lines(raw['savings']).map((line) => ({
      title: line['label'],
      target: line['amount'],
      forecast: maybe(line['forecast'], line['forecastUnknownReason']),
      commentary: line['commentary'],
    })),
    capital: lines(raw['capital']).map((line) => ({
      scheme: line['label'],
      budget: line['amount'],
      forecast: maybe(line['forecast'], line['forecastUnknownReason']),
      commentary: line['commentary'],
    })),
    commentary: raw['commentary'],
  }) as FinancialMonitoring;

const toPerformanceReport = (raw: ApiRecord): PerformanceReport =>
  ({
    id: raw['id'],
    portfolioCode: raw['portfolioCode'],
    year: raw['year'],
    kind: raw['kind'],
    period: toPeriod(raw['period']),
    reportTo: raw['reportTo'],
    date: raw['date'],
    reportOf: raw['reportOf'],
    title: raw['title'],
    sections: raw['sections'],
    recommendations: raw['recommendations'],
    partOne: raw['partOne'],
    partTwo: toPartTwo((raw['partTwo'] ?? {}) as ApiRecord),
    furtherInformation: raw['furtherInformation'],
    contacts: raw['contacts'],
  }) as PerformanceReport;
