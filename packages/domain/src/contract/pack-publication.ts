/**
 * Supplementary agendas and the record of every pack published: `POST /meetings/{id}/supplements`,
 * `GET /meetings/{id}/publications`, `GET /meetings/{id}/publications/{publicationId}.pdf` and
 * `GET /meetings/{id}/supplement-pack.pdf`.
 */
import { LatePaper, MAX_SUPPLEMENTS, MeetingId } from '../model/meeting.js';
import { Instant } from '../model/time.js';
import { Closed, List, Nullable, StringEnum, Text, Type, type Shape } from '../schema/kit.js';
import { EDITIONS } from './meeting.js';

export const PACKS = ['agenda', 'supplement'] as const;
export type Pack = (typeof PACKS)[number];

const SupplementNumber = Type.Integer({
  minimum: 1,
  maximum: MAX_SUPPLEMENTS,
  description: 'The supplementary agenda’s number (1 for “Supplementary Agenda No. 1”).',
});

/**
 * One publication of a pack: the PDF as the public (or, for the confidential edition, the
 * members) had it when it was published, kept byte for byte under its SHA-256, so the council
 * can show what was open to inspection and when.
 */
export const PackPublication = Closed(
  {
    id: Text({ maxLength: 36, description: 'The publication’s id (assigned by the server).' }),
    meetingId: MeetingId,
    pack: StringEnum(PACKS, {
      description: '`agenda` (the agenda pack) or `supplement` (a supplementary agenda).',
    }),
    supplement: Nullable(SupplementNumber, {
      description: 'The supplement’s number; null for the agenda pack.',
    }),
    edition: StringEnum(EDITIONS, {
      description: '`public`, or `confidential` (exempt papers included, clerks and members only).',
    }),
    publishedAt: Instant,
    sha256: Type.String({
      pattern: '^[0-9a-f]{64}$',
      description:
        'The SHA-256 of the PDF’s bytes (hex), as served by its `.pdf` route (its ETag).',
    }),
    byteLength: Type.Integer({ minimum: 1, description: 'The PDF’s size in bytes.' }),
    pageCount: Nullable(Type.Integer({ minimum: 1 }), { description: 'The PDF’s pages.' }),
  },
  {
    title: 'PackPublication',
    description:
      'A pack as it was published (agenda pack at the agenda’s publication, each supplementary agenda at its own), in one edition, with the SHA-256 of its bytes.',
  },
);
export type PackPublication = Shape<typeof PackPublication>;

export const PackPublicationList = Closed(
  {
    items: List(PackPublication, {
      maxItems: 2 * (MAX_SUPPLEMENTS + 1) * 10,
      description: 'Oldest first. The public sees only the public edition’s records.',
    }),
  },
  { title: 'PackPublicationList' },
);
export type PackPublicationList = Shape<typeof PackPublicationList>;

/** One paper a supplementary agenda publishes. */
export const SupplementPaper = Closed(
  {
    itemNumber: Type.String({ maxLength: 10, description: 'The item’s published number.' }),
    document: Nullable(Type.Integer({ minimum: 0 }), {
      description:
        'The document’s index among its item’s documents, from 0; null for the item itself.',
    }),
    title: Text({ minLength: 0 }),
    late: LatePaper,
  },
  { title: 'SupplementPaper' },
);
export type SupplementPaper = Shape<typeof SupplementPaper>;

/** The answer of `POST /meetings/{id}/supplements`. */
export const SupplementPublication = Closed(
  {
    meetingId: MeetingId,
    supplement: SupplementNumber,
    title: Text({ description: '“Supplementary Agenda No. 1”.' }),
    publishedAt: Instant,
    papers: List(SupplementPaper, {
      maxItems: 1000,
      description: 'The late papers it publishes, in agenda order.',
    }),
    publications: List(PackPublication, {
      maxItems: 2,
      description: 'The records of the supplement pack as published, public and confidential.',
    }),
    version: Type.Integer({
      minimum: 1,
      description: 'The meeting’s version after it (its new ETag).',
    }),
  },
  {
    title: 'SupplementPublication',
    description:
      'A supplementary agenda published: its number, the late papers it carries and the records of its pack.',
  },
);
export type SupplementPublication = Shape<typeof SupplementPublication>;

/** `?edition=&supplement=` of the supplement pack. */
export const SupplementPackQuery = Closed({
  edition: Type.Optional(
    StringEnum(EDITIONS, {
      default: 'public',
      description:
        '`public` (exempt papers replaced by notices) or `confidential` (clerks and members only).',
    }),
  ),
  supplement: Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: MAX_SUPPLEMENTS,
      description: 'Which supplementary agenda; the latest published when absent.',
    }),
  ),
});
export type SupplementPackQuery = Shape<typeof SupplementPackQuery>;

export const PublicationParams = Closed({
  id: Text({ maxLength: 200, description: 'The meeting’s id.' }),
  publicationId: Text({ maxLength: 36, description: 'The publication’s id.' }),
});
