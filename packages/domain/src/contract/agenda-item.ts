/** The agenda items resource: `/api/v1/agenda-items` and `/api/v1/meetings/{id}/agenda-items`. */
import {
  AGENDA_ITEM_KINDS,
  AgendaItem,
  Exemption,
  ExemptParagraph,
  ITEM_DOCUMENT_ROLES,
  ItemDocument,
  LatePaper,
  MeetingId,
} from '../model/meeting.js';
import {
  Closed,
  List,
  Nullable,
  ReadOnly,
  StringEnum,
  Text,
  Type,
  type Shape,
} from '../schema/kit.js';
import { ListQuery, Page, Resource } from './common.js';

/** An item document as the caller may read it: an exempt one's content is withheld from the public. */
export const ItemDocumentId = Text({
  maxLength: 36,
  description:
    'An item document’s id (assigned by the server; kept while the document is unchanged, also when its item is replaced).',
});

export const AgendaItemDocument = Closed(
  {
    id: ReadOnly(ItemDocumentId),
    ...ItemDocument.properties,
    content: Nullable(ItemDocument.properties.content, {
      description: 'Null when the document is exempt and the caller may not read it.',
    }),
    isWithheld: ReadOnly(
      Type.Boolean({
        description:
          'True when the content is withheld from you (exempt, and your role may not read it).',
      }),
    ),
  },
  { title: 'AgendaItemDocument' },
);
export type AgendaItemDocument = Shape<typeof AgendaItemDocument>;

export const AgendaItemId = Text({
  maxLength: 36,
  description: 'An agenda item’s id (assigned by the server).',
});

/**
 * An agenda item as stored, as the caller may read it. It is also the body of POST and PUT: what
 * a GET answers can be sent back as it is (the server's fields are ignored).
 */
export const AgendaItemResource = Resource(
  'AgendaItemResource',
  {
    id: ReadOnly(AgendaItemId),
    meetingId: ReadOnly(MeetingId),
    ...AgendaItem.properties,
    documents: List(AgendaItemDocument, { maxItems: 100 }),
    isWithheld: ReadOnly(
      Type.Boolean({
        description:
          'True when the item is exempt and its content (summary, recommendations, report of, contacts, documents) is withheld from you.',
      }),
    ),
  },
  'An agenda item: the domain’s AgendaItem, where it sits, and the server’s version and timestamps.',
);
export type AgendaItemResource = Shape<typeof AgendaItemResource>;

/** The body of POST and PUT: an AgendaItem, or an AgendaItemResource read before (server fields ignored). */
export const AgendaItemInput = AgendaItemResource;
export type AgendaItemInput = Shape<typeof AgendaItemInput>;

export const AgendaItemPage = Page(AgendaItemResource);
export type AgendaItemPage = Shape<typeof AgendaItemPage>;

/** The sort fields of the agenda item lists (as the service's parseSort allows). */
export const AGENDA_ITEM_SORT_FIELDS = ['order', 'number', 'kind'] as const;

export const AgendaItemQuery = ListQuery(AGENDA_ITEM_SORT_FIELDS, {
  meetingId: Type.Optional(MeetingId),
  kind: Type.Optional(AgendaItem.properties.kind),
  exempt: Type.Optional(
    Type.Boolean({ description: 'Only exempt (true) or only open (false) items.' }),
  ),
});
export type AgendaItemQuery = Shape<typeof AgendaItemQuery>;

/** The query of a meeting's agenda (in published order unless sorted). */
export const MeetingAgendaQuery = ListQuery(AGENDA_ITEM_SORT_FIELDS, {});
export type MeetingAgendaQuery = Shape<typeof MeetingAgendaQuery>;

export const AgendaItemParams = Closed({ id: AgendaItemId });
export const MeetingAgendaParams = Closed({
  meetingId: Text({ maxLength: 200, description: 'The meeting’s id.' }),
});

/** `/agenda-items/{id}/documents/{docId}`. */
export const ItemDocumentParams = Closed({ id: AgendaItemId, docId: ItemDocumentId });

/**
 * One document of an agenda item, as the caller may read it. It is written with its item, so its
 * `version` (its ETag, which `If-Match` takes back) is the item's.
 */
export const ItemDocumentResource = Resource(
  'ItemDocumentResource',
  {
    ...AgendaItemDocument.properties,
    agendaItemId: ReadOnly(AgendaItemId),
    position: ReadOnly(
      Type.Integer({ minimum: 1, description: 'Its place among the item’s documents, from 1.' }),
    ),
  },
  'A document of an agenda item. Its `version`, `createdAt` and `updatedAt` are its item’s: a document is written with its item, and any change to it is a change to the item.',
);
export type ItemDocumentResource = Shape<typeof ItemDocumentResource>;

/**
 * The form fields of an upload beside its `file` (multipart/form-data, each field as text): the
 * document's title and role, and for an exempt one its Schedule 12A paragraph.
 */
export const ItemDocumentUploadFields = Closed(
  {
    title: Text({ description: 'The document’s title as printed (`Appendix B: Budget`).' }),
    role: StringEnum(ITEM_DOCUMENT_ROLES, {
      description: 'What the document is to its item: `report`, `appendix` or `supporting`.',
    }),
    exemptParagraph: Type.Optional(ExemptParagraph),
    reasonPublicInterestTest: Exemption.properties.reasonPublicInterestTest,
    urgencyReason: Type.Optional(
      Text({
        maxLength: LatePaper.properties.urgencyReason.maxLength,
        description:
          'Only for a paper added after the agenda was published (a late paper), and then required: the chair’s reason for considering it at this meeting although it was not on the published agenda (LGA 1972 s.100B(4)(b)). Refused (400 `LATE_PAPER.AGENDA_NOT_PUBLISHED`) before publication; without it after publication, 400 `LATE_PAPER.URGENCY_REQUIRED`. Not needed for a document of an item that is itself late. On a replacement it corrects the reason until a supplementary agenda has published it (then 409 `LATE_PAPER.ALREADY_PUBLISHED`).',
      }),
    ),
  },
  { description: 'The document’s fields beside its file.' },
);
export type ItemDocumentUploadFields = Shape<typeof ItemDocumentUploadFields>;

export { AGENDA_ITEM_KINDS };
