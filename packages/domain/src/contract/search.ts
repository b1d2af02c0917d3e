/** Full-text search: `GET /api/v1/search`. */
import { AttachmentMediaType } from '../model/meeting.js';
import { CommitteeId } from '../model/people.js';
import { LocalDate } from '../model/time.js';
import { SEARCH_KINDS } from '../rules/search-text.js';
import { Closed, List, Nullable, StringEnum, Text, Type, type Shape } from '../schema/kit.js';
import { DEFAULT_LIMIT, MAX_LIMIT, MAX_QUERY_INTEGER, Page } from './common.js';
import { MeetingIdText } from './minute.js';

export const SearchKind = StringEnum(SEARCH_KINDS, {
  title: 'SearchKind',
  description:
    'What a hit is: an agenda item (title, summary, recommendations, inline papers, or the text of a paper attached to it as a file, which `document` then names), a performance report on an agenda, or a minute.',
});
export type SearchKind = Shape<typeof SearchKind>;

/** The longest query: a sentence or two, not a document. */
export const SEARCH_QUERY_MAX_LENGTH = 200;

export const SearchQuery = Closed({
  q: Text({
    maxLength: SEARCH_QUERY_MAX_LENGTH,
    description:
      'The words to find, as typed into a search box: every word must match (English stemming: `budgets` finds `budget`); `"a phrase"` in double quotes matches the words together; `-word` leaves out what holds the word; `or` between words matches either.',
    examples: ['school transport'],
  }),
  committee: Type.Optional(CommitteeId),
  from: Type.Optional(
    Type.String({ format: 'date', description: 'Meetings on or after this date (YYYY-MM-DD).' }),
  ),
  to: Type.Optional(
    Type.String({ format: 'date', description: 'Meetings on or before this date (YYYY-MM-DD).' }),
  ),
  kind: Type.Optional(SearchKind),
  limit: Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: MAX_LIMIT,
      default: DEFAULT_LIMIT,
      description: 'Hits per page.',
    }),
  ),
  offset: Type.Optional(
    Type.Integer({
      minimum: 0,
      maximum: MAX_QUERY_INTEGER,
      default: 0,
      description: 'Hits to skip.',
    }),
  ),
});
export type SearchQuery = Shape<typeof SearchQuery>;

/** A run of a snippet's text, marked when it is what matched. */
export const SnippetSegment = Closed(
  {
    text: Type.String({ maxLength: 2000 }),
    match: Type.Boolean({ description: 'True for the words that matched the query.' }),
  },
  { title: 'SnippetSegment' },
);

export const SearchHit = Closed(
  {
    meetingId: MeetingIdText('The meeting the hit belongs to.'),
    committeeId: CommitteeId,
    meetingDate: LocalDate,
    kind: SearchKind,
    number: Nullable(
      Text({
        maxLength: 30,
        description: 'The agenda item’s published number, or the minute’s reference.',
      }),
    ),
    title: Text({ maxLength: 1000 }),
    snippet: List(SnippetSegment, {
      maxItems: 200,
      description:
        'A passage around the best match, as plain-text runs; the runs marked `match` are to be highlighted. Never HTML.',
    }),
    document: Type.Optional(
      Closed(
        {
          title: Text({ maxLength: 1000, description: 'The document’s title as printed.' }),
          fileName: Text({ maxLength: 255, description: 'The name the file was uploaded under.' }),
          mediaType: AttachmentMediaType,
        },
        {
          title: 'SearchHitDocument',
          description:
            'Present when the hit is the text of a paper attached to the item as a file (a PDF’s words, a Word report’s converted text): which one matched.',
        },
      ),
    ),
    exempt: Type.Boolean({
      description:
        'True when the hit is exempt content, found only because the caller may read it (never for the public).',
    }),
  },
  { title: 'SearchHit', description: 'One thing that matched, best first.' },
);
export type SearchHit = Shape<typeof SearchHit>;

export const SearchPage = Page(SearchHit);
export type SearchPage = Shape<typeof SearchPage>;
