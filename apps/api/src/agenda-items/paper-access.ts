import { isPublishedPaper, type LatePaper, type MeetingDocument } from '@scrutineer/domain';
import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { type Caller, canReadUnpublished } from '../auth/caller.js';
import { AgendaItemEntity } from './agenda-item.entity.js';

/**
 * Which papers (agenda items and their documents) a caller may read. A late paper no
 * supplementary agenda has published yet is not published (the domain's `isPublishedPaper`):
 * those who may read what is unpublished (members, officers, the clerk) read it, the public does
 * not, anywhere: lists leave it out, a read of it is 404 as for a record that does not exist, and
 * every representation that embeds items or documents (the meeting, its data set and packs, open
 * data) is built from what these helpers let through. The rule itself is the domain's alone.
 */

type Paper = { readonly late?: LatePaper | null | undefined };

/** Whether the caller may read the paper (an item or a document, as rows or as the domain's). */
export const mayReadPaper = (caller: Caller, paper: Paper): boolean =>
  canReadUnpublished(caller) || isPublishedPaper(paper);

/** The papers the caller may read, in the order given. */
export const readablePapers = <P extends Paper>(caller: Caller, papers: readonly P[]): P[] =>
  canReadUnpublished(caller) ? [...papers] : papers.filter((paper) => mayReadPaper(caller, paper));

/**
 * The meeting document as the caller may read its papers: for the public, without the late items
 * and late documents still waiting for their supplementary agenda.
 */
export const withReadablePapers = (document: MeetingDocument, caller: Caller): MeetingDocument =>
  canReadUnpublished(caller)
    ? document
    : {
        ...document,
        agendaItems: readablePapers(caller, document.agendaItems).map((item) => ({
          ...item,
          documents: readablePapers(caller, item.documents),
        })),
      };

/**
 * Restricts a query on agenda items (as `alias`) to those the caller may read, so a page and its
 * `total` both leave out what the public may not see. The rule is applied here to the items that
 * are late at all (few: `late` is null for every paper on the agenda as published), and the query
 * excludes those it refuses by id. `meetingId` narrows that read to one meeting's items.
 */
export const onlyReadableItems = async <T extends ObjectLiteral>(
  manager: EntityManager,
  builder: SelectQueryBuilder<T>,
  alias: string,
  caller: Caller,
  meetingId?: string,
): Promise<SelectQueryBuilder<T>> => {
  if (canReadUnpublished(caller)) return builder;
  const late = manager
    .createQueryBuilder(AgendaItemEntity, 'lateItem')
    .select(['lateItem.id', 'lateItem.late'])
    .where('lateItem.late IS NOT NULL');
  if (meetingId !== undefined)
    late.andWhere('lateItem.meetingId = :lateMeetingId', { lateMeetingId: meetingId });
  const pending = (await late.getMany())
    .filter((item) => !mayReadPaper(caller, item))
    .map((item) => item.id);
  return pending.length === 0
    ? builder
    : builder.andWhere(`${alias}.id NOT IN (:...pendingLateItems)`, { pendingLateItems: pending });
};
