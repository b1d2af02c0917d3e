import type { Instant, MeetingResource } from '@scrutineer/domain';
import { RECORD_DOMAIN, TAG_DATE, type SiteLinks } from './site-links.js';

/** What a feed entry announces: an agenda or a meeting's minutes, made public at `at`. */
export type Publication = {
  readonly kind: 'agenda' | 'minutes';
  readonly at: Instant;
  readonly meeting: MeetingResource;
};

/** The most entries a feed carries (newest first). */
export const FEED_ENTRIES = 50;

/** A character XML 1.0 allows (2.2): tab, LF, CR, and U+0020 up, less the surrogates, FFFE and FFFF. */
const isXmlChar = (char: string): boolean => {
  const code = char.codePointAt(0) ?? 0;
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    code >= 0x10000
  );
};

/** Text for XML 1.0 content and attributes: escaped, and without the characters XML forbids. */
export const xmlText = (value: string): string =>
  [...value]
    .filter(isXmlChar)
    .join('')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

/** An entry's id (RFC 4151 tag URI): the same meeting and kind keep it for ever. */
export const entryId = (publication: Pick<Publication, 'kind' | 'meeting'>): string =>
  `tag:${RECORD_DOMAIN},${TAG_DATE}:meeting/${encodeURIComponent(publication.meeting.id)}/${publication.kind}`;

const titleOf = ({ kind, meeting }: Publication): string =>
  `${kind === 'agenda' ? 'Agenda published' : 'Minutes published'}: ${meeting.committeeName || meeting.committeeId}, ${meeting.date}`;

const entry = (publication: Publication, links: SiteLinks): string => {
  const { kind, at, meeting } = publication;
  const pdf = kind === 'agenda' ? links.agendaPack(meeting.id) : links.minutesPdf(meeting.id);
  const summary =
    kind === 'agenda'
      ? `The agenda and papers of ${meeting.committeeName} on ${meeting.date}${meeting.venue === null ? '' : ` at ${meeting.venue}`}.`
      : `The ${meeting.minutesStatus === 'approved' ? 'approved' : 'draft'} minutes of ${meeting.committeeName} on ${meeting.date}.`;
  return [
    '<entry>',
    `<id>${xmlText(entryId(publication))}</id>`,
    `<title>${xmlText(titleOf(publication))}</title>`,
    `<published>${at}</published>`,
    `<updated>${at}</updated>`,
    `<link rel="alternate" type="text/html" href="${xmlText(links.meeting(meeting.id))}"/>`,
    `<link rel="related" type="application/pdf" title="${kind === 'agenda' ? 'Agenda pack (PDF)' : 'Minutes (PDF)'}" href="${xmlText(pdf)}"/>`,
    `<category term="${kind}"/>`,
    `<summary>${xmlText(summary)}</summary>`,
    '</entry>',
  ].join('\n');
};

/** An Atom 1.0 feed (RFC 4287) of `publications`, newest first. */
export const buildFeed = (options: {
  readonly title: string;
  /** The feed's own id tail, e.g. `feed` or `committee/<id>/feed`. */
  readonly idTail: string;
  readonly selfUrl: string;
  readonly alternateUrl: string;
  readonly publications: readonly Publication[];
  /** When there is no entry: when the feed's subject last changed. */
  readonly emptyUpdated: string;
  readonly links: SiteLinks;
}): string => {
  const updated = options.publications[0]?.at ?? options.emptyUpdated;
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-GB">',
    `<id>${xmlText(`tag:${RECORD_DOMAIN},${TAG_DATE}:${options.idTail}`)}</id>`,
    `<title>${xmlText(options.title)}</title>`,
    `<updated>${updated}</updated>`,
    '<author><name>Scrutineer public record</name></author>',
    '<generator>Scrutineer</generator>',
    `<link rel="self" type="application/atom+xml" href="${xmlText(options.selfUrl)}"/>`,
    `<link rel="alternate" type="text/html" href="${xmlText(options.alternateUrl)}"/>`,
    ...options.publications.map((publication) => entry(publication, options.links)),
    '</feed>',
    '',
  ].join('\n');
};
