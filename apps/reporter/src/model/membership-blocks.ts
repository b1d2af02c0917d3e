import type { Committee, LocalDate } from '@scrutineer/domain';
import { membershipOn } from '@scrutineer/domain';
import type { Block } from './document-model.js';
import { joinNames } from './wording.js';

const ROLE_SUFFIX = { chair: ' (Chair)', 'vice-chair': ' (Vice-Chair)', member: '' } as const;

const NUMBER_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

/**
 * The front sheet's "Membership": the committee as it was on the meeting's day (the domain's
 * `membershipOn`), Chair first, then the Vice-Chair and members; substitutes are not members of
 * the committee's seats. A vacant seat is counted ("one vacancy"). Nothing when the data set
 * holds no membership for that day: a published pack says nothing about what it does not hold.
 */
export const membershipBlocks = (committee: Committee, date: LocalDate): Block[] => {
  const seats = membershipOn(committee, date).filter((seat) => seat.role !== 'substitute');
  const names = seats.flatMap((seat) =>
    seat.member === null || seat.role === 'substitute'
      ? []
      : [`${seat.member.name.replace(/^(Councillor|Cllr\.?)\s+/i, '')}${ROLE_SUFFIX[seat.role]}`],
  );
  const vacancies = seats.filter((seat) => seat.member === null).length;
  if (names.length === 0 && vacancies === 0) return [];
  const count = NUMBER_WORDS[vacancies] ?? String(vacancies);
  const vacant = vacancies === 0 ? '' : `${count} ${vacancies === 1 ? 'vacancy' : 'vacancies'}`;
  const text =
    names.length === 0
      ? `${vacant.charAt(0).toUpperCase()}${vacant.slice(1)}.`
      : `Councillors ${joinNames(names)}${vacant ? `; ${vacant}` : ''}.`;
  return [
    { kind: 'heading', level: 2, look: 3, runs: [{ text: 'Membership' }] },
    { kind: 'paragraph', runs: [{ text }] },
  ];
};
