// West Sussex: the authority, the committee, its members and the two portfolios.
import type { Authority, Committee, Member, Portfolio } from '@scrutineer/domain';
import { authorityId, committeeId, contact, member, portfolio, ref, seat } from '../helpers.js';

export const westSussex: Authority = {
  id: authorityId('west-sussex'),
  name: 'West Sussex County Council',
  shortName: 'West Sussex',
  region: 'england',
  style: {
    primaryColour: '#00546E',
    logo: null,
    minutePrefix: '',
    municipalYearStart: { month: 5, day: 1 },
    resolutionLead: 'Resolved –',
  },
  closureDays: [],
  website: 'https://www.westsussex.gov.uk',
};

/** Seed 004 gives only the surname. */
export const cllrRussell = member('west-sussex-russell', 'Cllr Russell', null, null);
export const cllrJupp = member('west-sussex-nigel-jupp', 'Cllr Nigel Jupp', null, null);
// Illustrative committee members (invented names and divisions).
export const margaretHillier = member(
  'west-sussex-margaret-hillier',
  'Cllr Margaret Hillier',
  null,
  'Midhurst',
);
export const andrewCowell = member(
  'west-sussex-andrew-cowell',
  'Cllr Andrew Cowell',
  null,
  'Bognor Regis East',
);
export const felicityAshdown = member(
  'west-sussex-felicity-ashdown',
  'Cllr Felicity Ashdown',
  null,
  'Horsham Riverside',
);
export const robertTilling = member(
  'west-sussex-robert-tilling',
  'Cllr Robert Tilling',
  null,
  'Worthing West',
);
export const hannahGreaves = member(
  'west-sussex-hannah-greaves',
  'Cllr Hannah Greaves',
  null,
  'Crawley Three Bridges',
);
export const owenPritchard = member(
  'west-sussex-owen-pritchard',
  'Cllr Owen Pritchard',
  null,
  'Chichester North',
);
export const deborahVance = member(
  'west-sussex-deborah-vance',
  'Cllr Deborah Vance',
  null,
  'Shoreham North',
);

export const westSussexMembers: readonly Member[] = [
  cllrRussell,
  cllrJupp,
  margaretHillier,
  andrewCowell,
  felicityAshdown,
  robertTilling,
  hannahGreaves,
  owenPritchard,
  deborahVance,
];

export const CYP = portfolio('CYP');
export const LS = portfolio('LS');

export const cypScrutiny: Committee = {
  id: committeeId('west-sussex-cypssc'),
  authorityId: westSussex.id,
  name: 'Children and Young People’s Services Scrutiny Committee',
  // Seed 004 states no terms of reference: what the committee's agenda (seed 004) says it examines.
  purpose:
    'Scrutinises the services of the Children and Young People and the Learning and Skills portfolios. Each quarter it examines the Performance and Resources Report, which sets out the Council’s corporate performance, finance, savings delivery and business performance for the services within its remit.',
  memberships: [
    seat(margaretHillier, 'chair', '2021-05-01'),
    seat(andrewCowell, 'vice-chair', '2021-05-01'),
    seat(felicityAshdown, 'member', '2021-05-01'),
    seat(robertTilling, 'member', '2021-05-01'),
    seat(hannahGreaves, 'member', '2021-05-01'),
    seat(owenPritchard, 'member', '2021-05-01'),
    seat(deborahVance, 'member', '2021-05-01'),
  ],
  clerk: contact('Natalie Brooke', 'Scrutiny Officer', null, '0330 222 0000'),
  portfolioCodes: [CYP, LS],
};

export const westSussexPortfolios: readonly Portfolio[] = [
  {
    code: CYP,
    authorityId: westSussex.id,
    name: 'Children and Young People',
    cabinetMember: ref(cllrRussell),
    directors: ['Executive Director of Children, Young People and Learning'],
  },
  {
    code: LS,
    authorityId: westSussex.id,
    name: 'Learning and Skills',
    cabinetMember: ref(cllrJupp),
    directors: ['Executive Director of Children, Young People and Learning'],
  },
];
