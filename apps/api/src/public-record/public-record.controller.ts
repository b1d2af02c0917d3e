import { Controller, Get, Inject, Param, Query, Req, Res } from '@nestjs/common';
import {
  CommitteeParams,
  OcdEventPage,
  OcdOrganizationPage,
  OcdPersonPage,
  OpenDataQuery,
  PublicRecordQuery,
} from '@scrutineer/domain';
import type { Request, Response } from 'express';
import { Operation, Resource } from '../contract/operation.js';
import { markPublic, sendPublicText } from './public-cache.js';
import { PublicRecordService } from './public-record.service.js';
import { apiOriginOf, SiteLinks } from './site-links.js';

export const PUBLIC_SITE_URL = Symbol('PUBLIC_SITE_URL');

export const PUBLIC_RECORD_TAG_DESCRIPTION =
  'The public record for subscribers and integrators: calendars (iCalendar), feeds (Atom), Open Civic Data and CSV downloads. Always the public edition, whoever asks: exempt content never appears. Cacheable for five minutes.';

const PUBLIC_NOTE =
  'The public edition whoever asks (`Cache-Control: public, max-age=300`, `Vary: Authorization`).';

const CALENDAR_DESCRIPTION = `RFC 5545. One VEVENT per published meeting (the newest 2,000): UID \`meeting-<id>@scrutineer.invalid\`, never changing; SEQUENCE the meeting's version less one, so every stored change is a newer revision; STATUS:CANCELLED for a cancelled meeting; DTSTART in Europe/London with its VTIMEZONE, or VALUE=DATE (all day) when no start time is recorded; LOCATION the venue; URL the meeting's page on the public site. ${PUBLIC_NOTE}`;

const FEED_DESCRIPTION = `Atom 1.0 (RFC 4287), newest first, at most 50 entries: one when an agenda is published (the meeting's \`agendaPublishedAt\`) and one when its minutes are (when the minutes record started, draft or whole). Entry ids are tag: URIs that never change; each links to the meeting's page and to the PDF. ${PUBLIC_NOTE}`;

const CSV_NOTE = `RFC 4180 (UTF-8 with a byte order mark, CRLF, a header row). A text cell starting with = + - @ is prefixed with \`'\` so a spreadsheet does not run it as a formula. ${PUBLIC_NOTE}`;

abstract class PublicRecordRoutes {
  constructor(
    protected readonly record: PublicRecordService,
    @Inject(PUBLIC_SITE_URL) protected readonly site: string,
  ) {}

  protected links(request: Request): SiteLinks {
    return new SiteLinks(this.site, apiOriginOf(request));
  }
}

@Resource('public-record', PUBLIC_RECORD_TAG_DESCRIPTION)
@Controller({ path: '', version: '1' })
export class PublicRecordController extends PublicRecordRoutes {
  @Get('calendar.ics')
  @Operation({
    summary: 'Every committee’s published meetings as an iCalendar feed to subscribe to.',
    description: CALENDAR_DESCRIPTION,
    query: PublicRecordQuery,
    produces: 'text/calendar',
  })
  async calendar(@Req() request: Request, @Res() response: Response): Promise<void> {
    const body = await this.record.calendar(this.links(request));
    sendPublicText(response, 'text/calendar; charset=utf-8', body, 'meetings.ics');
  }

  @Get('feed.atom')
  @Operation({
    summary: 'Agendas and minutes as they are published, as an Atom feed.',
    description: FEED_DESCRIPTION,
    query: PublicRecordQuery,
    produces: 'application/atom+xml',
  })
  async feed(@Req() request: Request, @Res() response: Response): Promise<void> {
    const links = this.links(request);
    const body = await this.record.feed(links, links.apiPath('/api/v1/feed.atom'));
    sendPublicText(response, 'application/atom+xml; charset=utf-8', body);
  }
}

@Resource('public-record', PUBLIC_RECORD_TAG_DESCRIPTION)
@Controller({ path: 'committees', version: '1' })
export class CommitteeRecordController extends PublicRecordRoutes {
  @Get(':id/calendar.ics')
  @Operation({
    summary: 'One committee’s published meetings as an iCalendar feed (404 for no such committee).',
    description: CALENDAR_DESCRIPTION,
    params: CommitteeParams,
    query: PublicRecordQuery,
    produces: 'text/calendar',
  })
  async committeeCalendar(
    @Param('id') id: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const body = await this.record.calendar(this.links(request), id);
    sendPublicText(response, 'text/calendar; charset=utf-8', body, 'meetings.ics');
  }

  @Get(':id/feed.atom')
  @Operation({
    summary: 'One committee’s agendas and minutes as they are published, as an Atom feed.',
    description: FEED_DESCRIPTION,
    params: CommitteeParams,
    query: PublicRecordQuery,
    produces: 'application/atom+xml',
  })
  async committeeFeed(
    @Param('id') id: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const links = this.links(request);
    const body = await this.record.feed(
      links,
      links.apiPath(`/api/v1/committees/${encodeURIComponent(id)}/feed.atom`),
      id,
    );
    sendPublicText(response, 'application/atom+xml; charset=utf-8', body);
  }
}

@Resource('public-record', PUBLIC_RECORD_TAG_DESCRIPTION)
@Controller({ path: 'open-data', version: '1' })
export class OpenDataController extends PublicRecordRoutes {
  @Get('events')
  @Operation({
    summary: 'Published meetings as Open Civic Data events, newest first.',
    description: `Each with its agenda (an exempt item: number, title and paragraph only), its PDFs, and \`sources\` linking to the meeting's page. ${PUBLIC_NOTE}`,
    query: OpenDataQuery,
    response: OcdEventPage,
  })
  events(
    @Query() query: OpenDataQuery,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<OcdEventPage> {
    markPublic(response);
    return this.record.events(query, this.links(request));
  }

  @Get('people')
  @Operation({
    summary: 'Councillors as Open Civic Data people.',
    description: PUBLIC_NOTE,
    query: OpenDataQuery,
    response: OcdPersonPage,
  })
  people(
    @Query() query: OpenDataQuery,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<OcdPersonPage> {
    markPublic(response);
    return this.record.people(query, this.links(request));
  }

  @Get('organizations')
  @Operation({
    summary: 'Councils, then their committees, as Open Civic Data organizations.',
    description: PUBLIC_NOTE,
    query: OpenDataQuery,
    response: OcdOrganizationPage,
  })
  organizations(
    @Query() query: OpenDataQuery,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<OcdOrganizationPage> {
    markPublic(response);
    return this.record.organizations(query, this.links(request));
  }

  @Get('meetings.csv')
  @Operation({
    summary: 'Every published meeting as CSV.',
    description: CSV_NOTE,
    query: PublicRecordQuery,
    produces: 'text/csv',
  })
  async meetingsCsv(@Req() request: Request, @Res() response: Response): Promise<void> {
    const body = await this.record.meetingsCsv(this.links(request));
    sendPublicText(response, 'text/csv; charset=utf-8; header=present', body, 'meetings.csv');
  }

  @Get('decisions.csv')
  @Operation({
    summary: 'Every public resolution (decision) as CSV; those of exempt minutes are left out.',
    description: CSV_NOTE,
    query: PublicRecordQuery,
    produces: 'text/csv',
  })
  async decisionsCsv(@Req() request: Request, @Res() response: Response): Promise<void> {
    const body = await this.record.decisionsCsv(this.links(request));
    sendPublicText(response, 'text/csv; charset=utf-8; header=present', body, 'decisions.csv');
  }

  @Get('results.csv')
  @Operation({
    summary: 'Every performance result with its stored RAG and trend, as CSV.',
    description: CSV_NOTE,
    query: PublicRecordQuery,
    produces: 'text/csv',
  })
  async resultsCsv(@Res() response: Response): Promise<void> {
    const body = await this.record.resultsCsv();
    sendPublicText(response, 'text/csv; charset=utf-8; header=present', body, 'results.csv');
  }
}
