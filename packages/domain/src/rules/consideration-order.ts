/**
 * The order in which a meeting took its business. A minute carries its own `takenOrder`; an agenda
 * item can carry a `consideredOrder` even when it has no minute of its own (an item taken out of
 * order). Where the items say, their order wins.
 */
import type { AgendaItem } from '../model/meeting.js';
import type { Minute } from '../model/minutes.js';

/**
 * The minutes in the order the meeting took them: by `takenOrder`, except that the minutes of
 * items with a `consideredOrder` are put in that order among the places those minutes hold.
 * A minute with no item, or whose item has no `consideredOrder`, keeps its place.
 */
export const minutesInOrderTaken = <M extends Pick<Minute, 'takenOrder' | 'agendaItemNumber'>>(
  minutes: readonly M[],
  items: readonly Pick<AgendaItem, 'number' | 'consideredOrder'>[],
): M[] => {
  const considered = new Map(
    items.flatMap((item) =>
      item.consideredOrder === undefined || item.consideredOrder === null
        ? []
        : [[item.number, item.consideredOrder] as const],
    ),
  );
  const orderOf = (minute: M): number | undefined =>
    minute.agendaItemNumber === null ? undefined : considered.get(minute.agendaItemNumber);
  const byTaken = [...minutes].sort((a, b) => a.takenOrder - b.takenOrder);
  const reordered = byTaken
    .filter((minute) => orderOf(minute) !== undefined)
    .sort((a, b) => (orderOf(a) ?? 0) - (orderOf(b) ?? 0) || a.takenOrder - b.takenOrder);
  let next = 0;
  return byTaken.map((minute) =>
    orderOf(minute) === undefined ? minute : (reordered[next++] as M),
  );
};
