/**
 * The public record for integrators: `/api/v1/open-data/events`, `/people` and `/organizations`
 * in Open Civic Data's shapes (its event, person and organization, field names as OCD spells
 * them), each with `sources` linking back to the public site's page, and the query of the
 * calendars, feeds and CSV downloads. Everything here is the public edition: no exempt content.
 */
import {
  LIMITS,
  List,
  Nullable,
  StringEnum,
  Text,
  Type,
  Closed,
  type Shape,
} from '../schema/kit.js';
import { ExemptParagraph } from '../model/meeting.js';
import { COMMITTEE_PURPOSE_MAX_LENGTH } from '../model/people.js';
import { MAX_LIMIT, DEFAULT_LIMIT, MAX_QUERY_INTEGER, Page } from './common.js';

const Url = Type.String({ format: 'uri', maxLength: 2_000 });
const Instant = Type.String({ format: 'date-time' });
const OptionalText = (description: string, maxLength: number = LIMITS.line) =>
  Text({ minLength: 0, maxLength, description });

export const OcdSource = Closed(
  {
    url: Url,
    note: OptionalText('What the page is, e.g. `meeting page`.'),
  },
  { title: 'OcdSource', description: 'Where a person reads this on the public site.' },
);
export type OcdSource = Shape<typeof OcdSource>;

const Sources = List(OcdSource, { minItems: 1, maxItems: 10 });

export const OcdLink = Closed(
  { url: Url, note: OptionalText('What the link is.') },
  { title: 'OcdLink' },
);

export const OcdDocument = Closed(
  {
    note: OptionalText('The document, e.g. `Agenda pack`.'),
    date: OptionalText('The day it was published (`YYYY-MM-DD`), or empty.', 10),
    links: List(
      Closed({ url: Url, media_type: OptionalText('Its media type, e.g. `application/pdf`.') }),
      { maxItems: 5 },
    ),
  },
  { title: 'OcdDocument' },
);

export const OcdAgendaItem = Closed(
  {
    description: OptionalText('The item’s title as published (an exempt item: its title only).'),
    order: OptionalText('The item’s number on the agenda, e.g. `5` or `5a`.', 20),
    subjects: List(Text(), { maxItems: 0 }),
    notes: List(OptionalText('A note', LIMITS.paragraph), {
      maxItems: 1,
      description: 'The item’s published summary, or nothing (withheld for an exempt item).',
    }),
    classification: List(StringEnum(['exempt', 'public'] as const), { maxItems: 1 }),
    extras: Closed({
      exemptParagraph: Nullable(ExemptParagraph, {
        description: 'The Schedule 12A paragraph an exempt item is withheld under, else null.',
      }),
    }),
  },
  { title: 'OcdAgendaItem' },
);

export const OCD_EVENT_STATUSES = ['tentative', 'confirmed', 'passed', 'cancelled'] as const;

export const OcdEvent = Closed(
  {
    id: Text({ maxLength: LIMITS.id, description: 'The meeting’s id in this API.' }),
    _type: StringEnum(['event'] as const),
    name: OptionalText('The committee’s name.'),
    description: OptionalText('Empty: the meeting has no description beyond its agenda.'),
    classification: StringEnum(['committee-meeting'] as const),
    start_date: Text({
      maxLength: 25,
      description:
        'UK local time with its offset (`2022-03-28T18:00:00+01:00`), or the day alone (`2022-03-28`) when no time is known.',
    }),
    end_date: OptionalText('Empty: meetings record no end time.', 25),
    all_day: Type.Boolean({ description: 'True when the meeting has no start time.' }),
    timezone: StringEnum(['Europe/London'] as const),
    status: StringEnum(OCD_EVENT_STATUSES, {
      description:
        '`tentative` (scheduled), `confirmed` (agenda published), `passed` (held), `cancelled`.',
    }),
    location: Closed({
      name: OptionalText('The venue, or empty when none is recorded.'),
      note: OptionalText('Empty.'),
      coordinates: Type.Null(),
    }),
    participants: List(
      Closed({
        name: Text(),
        id: Text({ maxLength: LIMITS.id }),
        type: StringEnum(['organization'] as const),
        note: StringEnum(['host'] as const),
      }),
      { maxItems: 1 },
    ),
    agenda: List(OcdAgendaItem, { maxItems: LIMITS.longList }),
    documents: List(OcdDocument, { maxItems: 5 }),
    media: List(OcdLink, { maxItems: 0, description: 'Empty: no recordings are kept.' }),
    links: List(OcdLink, { maxItems: 5 }),
    sources: Sources,
    created_at: Instant,
    updated_at: Instant,
  },
  {
    title: 'OcdEvent',
    description:
      'A published meeting as an Open Civic Data event. Exempt items show only their number, title and paragraph.',
  },
);
export type OcdEvent = Shape<typeof OcdEvent>;

export const OcdPerson = Closed(
  {
    id: Text({ maxLength: LIMITS.id, description: 'The councillor’s id in this API.' }),
    _type: StringEnum(['person'] as const),
    name: Text({ maxLength: LIMITS.name }),
    image: OptionalText('Empty: no portrait is kept.'),
    links: List(OcdLink, { maxItems: 5 }),
    sources: Sources,
    extras: Closed({
      party: Nullable(Text({ maxLength: 100 })),
      ward: Nullable(Text({ maxLength: LIMITS.name })),
    }),
    created_at: Instant,
    updated_at: Instant,
  },
  { title: 'OcdPerson', description: 'A councillor as an Open Civic Data person.' },
);
export type OcdPerson = Shape<typeof OcdPerson>;

export const OcdOrganization = Closed(
  {
    id: Text({
      maxLength: LIMITS.id,
      description: 'The authority’s or committee’s id in this API.',
    }),
    _type: StringEnum(['organization'] as const),
    name: Text(),
    classification: StringEnum(['legislature', 'committee'] as const, {
      description: '`legislature` for a council, `committee` for one of its committees.',
    }),
    parent_id: Nullable(Text({ maxLength: LIMITS.id }), {
      description: 'A committee’s council; null for a council.',
    }),
    links: List(OcdLink, { maxItems: 5 }),
    sources: Sources,
    extras: Closed({
      purpose: Nullable(Text({ maxLength: COMMITTEE_PURPOSE_MAX_LENGTH }), {
        description:
          'A committee’s purpose (its terms of reference, in a sentence or two) as the committee holds it; null when none is recorded, and for a council.',
      }),
    }),
    created_at: Instant,
    updated_at: Instant,
  },
  {
    title: 'OcdOrganization',
    description: 'A council or one of its committees as an Open Civic Data organization.',
  },
);
export type OcdOrganization = Shape<typeof OcdOrganization>;

export const OcdEventPage = Page(OcdEvent);
export type OcdEventPage = Shape<typeof OcdEventPage>;
export const OcdPersonPage = Page(OcdPerson);
export type OcdPersonPage = Shape<typeof OcdPersonPage>;
export const OcdOrganizationPage = Page(OcdOrganization);
export type OcdOrganizationPage = Shape<typeof OcdOrganizationPage>;

/** Paging only: open data is read whole, page by page, newest meetings first. */
export const OpenDataQuery = Closed({
  limit: Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: MAX_LIMIT,
      default: DEFAULT_LIMIT,
      description: 'Items per page.',
    }),
  ),
  offset: Type.Optional(
    Type.Integer({
      minimum: 0,
      maximum: MAX_QUERY_INTEGER,
      default: 0,
      description: 'Items to skip.',
    }),
  ),
});
export type OpenDataQuery = Shape<typeof OpenDataQuery>;

/** The calendars, feeds and CSV downloads take no query: each is the whole public record, bounded. */
export const PublicRecordQuery = Closed({});
export type PublicRecordQuery = Shape<typeof PublicRecordQuery>;
