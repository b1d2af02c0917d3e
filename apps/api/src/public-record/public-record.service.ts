import { Injectable } from '@nestjs/common';
import type {
  MeasureResultPage,
  MeetingResource,
  OcdEventPage,
  OcdOrganizationPage,
  OcdPersonPage,
  OpenDataQuery,
  ResolutionResource,
} from '@scrutineer/domain';
import { anonymousCaller } from '../auth/caller.js';
import { AuthoritiesService } from '../authorities/authorities.service.js';
import { CommitteesService } from '../committees/committees.service.js';
import { pageWindow } from '../common/pagination.js';
import { MeetingsService } from '../meetings/meetings.service.js';
import { MembersService } from '../members/members.service.js';
import { ResolutionsService } from '../resolutions/resolutions.service.js';
import { ResultsService } from '../results/results.service.js';
import { buildCalendar } from './calendar.js';
import { toCsv } from './csv.js';
import { buildFeed, FEED_ENTRIES } from './feed.js';
import { authorityToOcd, committeeToOcd, toOcdEvent, toOcdPerson } from './open-data.mapper.js';
import type { SiteLinks } from './site-links.js';

const EPOCH = '1970-01-01T00:00:00.000Z';

/** The most meetings a calendar carries: the newest by date. */
export const CALENDAR_MEETINGS = 2_000;

/** Rows read per page while a CSV file is written. */
const BATCH = 100;

/** Reads every page of a list (`read(limit, offset)`) into one array. */
const everyPage = async <T>(
  read: (limit: number, offset: number) => Promise<{ items: readonly T[]; total: number }>,
): Promise<T[]> => {
  const all: T[] = [];
  for (let offset = 0; ; offset += BATCH) {
    const page = await read(BATCH, offset);
    all.push(...page.items);
    if (page.items.length < BATCH || all.length >= page.total) return all;
  }
};

const resolutionText = (resolution: ResolutionResource['resolution']): string =>
  resolution.kind === 'single'
    ? resolution.text
    : [
        ...(resolution.lead === null ? [] : [resolution.lead]),
        ...resolution.points.map((point) => `${point.label} ${point.text}`.trim()),
      ].join('\n');

/**
 * The public record for calendars, feeds and open data. Every read here is the public edition,
 * whoever asks: it reads through the other services as an anonymous caller, so the withholding
 * rules those services apply (ADR008) are the only ones, and an exempt passage cannot appear.
 */
@Injectable()
export class PublicRecordService {
  private readonly anonymous = anonymousCaller(null);

  constructor(
    private readonly meetings: MeetingsService,
    private readonly committees: CommitteesService,
    private readonly members: MembersService,
    private readonly authorities: AuthoritiesService,
    private readonly resolutions: ResolutionsService,
    private readonly results: ResultsService,
  ) {}

  /** 404 for an unknown committee; its name otherwise. */
  private async committeeName(committeeId: string): Promise<string> {
    return (await this.committees.get(committeeId)).name;
  }

  async calendar(links: SiteLinks, committeeId?: string): Promise<string> {
    const name =
      committeeId === undefined
        ? 'Committee meetings'
        : `${await this.committeeName(committeeId)}: meetings`;
    const page = await this.meetings.publicMeetings({
      ...(committeeId === undefined ? {} : { committeeId }),
      limit: CALENDAR_MEETINGS,
      order: 'DESC',
    });
    return buildCalendar(name, [...page.items].reverse(), links);
  }

  async feed(links: SiteLinks, selfUrl: string, committeeId?: string): Promise<string> {
    const committee =
      committeeId === undefined ? undefined : await this.committees.get(committeeId);
    const name = committee?.name;
    const publications = await this.meetings.publications({
      ...(committeeId === undefined ? {} : { committeeId }),
      limit: FEED_ENTRIES,
    });
    return buildFeed({
      title:
        name === undefined
          ? 'Agendas and minutes published'
          : `${name}: agendas and minutes published`,
      idTail:
        committeeId === undefined ? 'feed' : `committee/${encodeURIComponent(committeeId)}/feed`,
      selfUrl,
      alternateUrl: committeeId === undefined ? links.home() : links.committee(committeeId),
      publications,
      // An empty feed is as new as its subject: the committee, or the newest of them (the epoch
      // when there is none), so its ETag stays put until something is published or changed.
      emptyUpdated: committee?.updatedAt ?? (await this.committees.lastChanged()) ?? EPOCH,
      links,
    });
  }

  async events(query: OpenDataQuery, links: SiteLinks): Promise<OcdEventPage> {
    const { limit, offset } = pageWindow(query);
    const page = await this.meetings.publicMeetings({ limit, offset, order: 'DESC' });
    const items = [];
    for (const meeting of page.items)
      items.push(toOcdEvent(await this.meetings.get(meeting.id, this.anonymous), links));
    return { items, total: page.total, limit, offset };
  }

  async people(query: OpenDataQuery, links: SiteLinks): Promise<OcdPersonPage> {
    const { limit, offset } = pageWindow(query);
    const page = await this.members.list({ limit, offset });
    return {
      items: page.items.map((member) => toOcdPerson(member, links)),
      total: page.total,
      limit,
      offset,
    };
  }

  /** The councils first, then their committees, as one list. */
  async organizations(query: OpenDataQuery, links: SiteLinks): Promise<OcdOrganizationPage> {
    const { limit, offset } = pageWindow(query);
    const authorities = await this.authorities.list({ limit, offset });
    const committeeOffset = Math.max(0, offset - authorities.total);
    const room = limit - authorities.items.length;
    const committees =
      room > 0
        ? await this.committees.list({ limit: room, offset: committeeOffset })
        : await this.committees.list({ limit: 1, offset: 0 });
    return {
      items: [
        ...authorities.items.map((authority) => authorityToOcd(authority, links)),
        ...(room > 0 ? committees.items.map((committee) => committeeToOcd(committee, links)) : []),
      ],
      total: authorities.total + committees.total,
      limit,
      offset,
    };
  }

  private async publicMeetingsById(): Promise<Map<string, MeetingResource>> {
    const all = await everyPage((limit, offset) =>
      this.meetings.publicMeetings({ limit, offset, order: 'DESC' }),
    );
    return new Map(all.map((meeting) => [meeting.id, meeting]));
  }

  async meetingsCsv(links: SiteLinks): Promise<string> {
    const meetings = [...(await this.publicMeetingsById()).values()];
    return toCsv(
      [
        'id',
        'committee_id',
        'committee',
        'date',
        'start_time',
        'venue',
        'status',
        'agenda_published_at',
        'minutes_status',
        'updated_at',
        'url',
      ],
      meetings.map((m) => [
        m.id,
        m.committeeId,
        m.committeeName,
        m.date,
        m.startTime,
        m.venue,
        m.status,
        m.agendaPublishedAt,
        m.minutesStatus,
        m.updatedAt,
        links.meeting(m.id),
      ]),
    );
  }

  /** Resolutions as the public lists them: those of exempt minutes are left out (ADR008). */
  async decisionsCsv(links: SiteLinks): Promise<string> {
    const meetings = await this.publicMeetingsById();
    const resolutions = await everyPage((limit, offset) =>
      this.resolutions.list({ limit, offset }, this.anonymous),
    );
    return toCsv(
      [
        'id',
        'meeting_id',
        'meeting_date',
        'committee',
        'minute_ref',
        'resolution',
        'updated_at',
        'url',
      ],
      resolutions.map((r) => {
        const meeting = meetings.get(r.meetingId);
        return [
          r.id,
          r.meetingId,
          meeting?.date ?? null,
          meeting?.committeeName ?? null,
          r.minuteRef,
          resolutionText(r.resolution),
          r.updatedAt,
          links.meeting(r.meetingId),
        ];
      }),
    );
  }

  /** Every performance result with the RAG and trend the API assessed and stored (ADR007). */
  async resultsCsv(): Promise<string> {
    const results = await everyPage(
      async (limit, offset) =>
        JSON.parse(await this.results.listJson({ limit, offset })) as MeasureResultPage,
    );
    return toCsv(
      [
        'id',
        'portfolio_code',
        'measure_code',
        'period_code',
        'period_label',
        'period_start',
        'period_end',
        'value',
        'value_unknown_reason',
        'status',
        'rag',
        'rag_explanation',
        'trend',
        'trend_explanation',
        'commentary',
        'updated_at',
      ],
      results.map((r) => [
        r.id,
        r.portfolioCode,
        r.measureCode,
        r.periodCode,
        r.periodLabel,
        r.periodStart,
        r.periodEnd,
        typeof r.value === 'number' ? r.value : null,
        typeof r.value === 'number' ? null : r.value.reason,
        r.status,
        r.rag.status,
        r.rag.explanation,
        r.trend.direction,
        r.trend.explanation,
        r.commentary,
        r.updatedAt,
      ]),
    );
  }
}
