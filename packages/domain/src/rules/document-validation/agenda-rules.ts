/**
 * Agenda items and exemptions in one meeting document: numbers and orders, exempt items in
 * private, and the exempt items an exclusion of the public covers.
 */
import type { Problem } from '../../errors.js';
import type { MeetingDocument } from '../../model/document.js';
import type { AgendaItem } from '../../model/meeting.js';
import type { Segment } from '../../schema/json-path.js';
import { duplicates, problem } from './problems.js';

/** Each agenda number and order once, orders 1..n, and every exempt item after the exclusion of the public. */
export const agendaRules = (document: MeetingDocument, base: readonly Segment[]): Problem[] => {
  const problems: Problem[] = [];
  const items = document.agendaItems;

  problems.push(
    ...duplicates(
      items,
      (item) => item.number,
      (i) => [...base, 'agendaItems', i, 'number'],
      'Agenda number',
    ),
    ...duplicates(
      items,
      (item) => String(item.order),
      (i) => [...base, 'agendaItems', i, 'order'],
      'Agenda order',
    ),
    // Two items cannot have been taken at the same point: the order of consideration is once each.
    ...items.flatMap((item, i) => {
      const taken = item.consideredOrder ?? null;
      const first = items.findIndex((other) => (other.consideredOrder ?? null) === taken);
      return taken === null || first === i
        ? []
        : [
            problem(
              [...base, 'agendaItems', i, 'consideredOrder'],
              'VALIDATION.DUPLICATE',
              `Order of consideration ${taken} is used twice (also at index ${first})`,
              taken,
            ),
          ];
    }),
  );
  items.forEach((item, i) => {
    if (item.order > items.length) {
      problems.push(
        problem(
          [...base, 'agendaItems', i, 'order'],
          'VALIDATION.INVALID_VALUE',
          `Agenda order must run 1 to ${items.length} (one position per item), got ${item.order}`,
          item.order,
        ),
      );
    }
  });

  // Exempt items are taken in private, after the meeting resolves to exclude the public.
  const exclusionOrders = items
    .filter((item) => item.kind === 'exclusion-of-public')
    .map((item) => item.order);
  const firstExclusion = exclusionOrders.length > 0 ? Math.min(...exclusionOrders) : Infinity;
  items.forEach((item, i) => {
    if (item.exemption !== null && item.order < firstExclusion) {
      problems.push(
        problem(
          [...base, 'agendaItems', i, 'exemption'],
          'VALIDATION.OUT_OF_ORDER',
          exclusionOrders.length === 0
            ? `Item ${item.number} is exempt (paragraph ${item.exemption.paragraph}) but the agenda has no exclusion-of-the-public item before it`
            : `Item ${item.number} is exempt but comes before the exclusion-of-the-public item`,
          item.number,
        ),
      );
    }
  });
  problems.push(...exclusionCoverProblems(document.agendaItems, [...base, 'agendaItems']));
  return problems;
};

/** An exclusion item covers items the agenda has, each exempt; no other kind of item covers any. */
export const exclusionCoverProblems = (
  items: readonly AgendaItem[],
  base: readonly Segment[],
): Problem[] => {
  const byNumber = new Map(items.map((item) => [item.number, item]));
  return items.flatMap((item, i) =>
    (item.covers ?? []).flatMap((number, j): Problem[] => {
      const at = [...base, i, 'covers', j];
      if (item.kind !== 'exclusion-of-public')
        return [
          problem(
            at,
            'VALIDATION.MISMATCH',
            `Only an exclusion-of-the-public item covers other items; item ${item.number} is ${item.kind}`,
            number,
          ),
        ];
      const covered = byNumber.get(number);
      if (covered === undefined)
        return [
          problem(
            at,
            'VALIDATION.UNKNOWN_REFERENCE',
            `The exclusion covers item ${number}, which the agenda does not have`,
            number,
          ),
        ];
      if (covered.exemption === null)
        return [
          problem(
            at,
            'VALIDATION.MISMATCH',
            `The exclusion covers item ${number}, which is not exempt: the public is excluded only for exempt items`,
            number,
          ),
        ];
      return [];
    }),
  );
};
