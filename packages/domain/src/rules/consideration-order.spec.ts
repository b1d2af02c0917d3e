import { minutesInOrderTaken } from './consideration-order.js';

const minute = (takenOrder: number, agendaItemNumber: string | null) => ({
  takenOrder,
  agendaItemNumber,
});
const numbers = (minutes: readonly { agendaItemNumber: string | null }[]) =>
  minutes.map((m) => m.agendaItemNumber ?? '-');

describe(minutesInOrderTaken.name, () => {
  const minutes = [minute(3, '6'), minute(1, '1'), minute(2, '5'), minute(4, '8'), minute(5, null)];

  it('keeps the minutes’ own order when no item says how it was taken', () => {
    expect(numbers(minutesInOrderTaken(minutes, [{ number: '6', consideredOrder: null }]))).toEqual(
      ['1', '5', '6', '8', '-'],
    );
  });

  it('takes item 8 before item 6 when the items say so, leaving the others in place', () => {
    const items = [
      { number: '6', consideredOrder: 4 },
      { number: '8', consideredOrder: 3 },
    ];
    expect(numbers(minutesInOrderTaken(minutes, items))).toEqual(['1', '5', '8', '6', '-']);
  });

  it('follows the items’ order for every minute when all items carry one', () => {
    const items = [
      { number: '1', consideredOrder: 1 },
      { number: '5', consideredOrder: 4 },
      { number: '6', consideredOrder: 2 },
      { number: '8', consideredOrder: 3 },
    ];
    expect(numbers(minutesInOrderTaken(minutes, items))).toEqual(['1', '6', '8', '5', '-']);
  });
});
