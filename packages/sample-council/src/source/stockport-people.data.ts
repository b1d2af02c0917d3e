// Stockport: the council, its Children & Families Scrutiny Committee and the CFSE portfolio.
// Councillor Colin Foster and the three officer contacts are as the seeds give them; every
// other name here is ILLUSTRATIVE (invented), see README.md.
import type { Authority, Committee, Member, Portfolio } from '@scrutineer/domain';
import {
  authorityId,
  committeeId,
  contact,
  date,
  member,
  portfolio,
  ref,
  seat,
} from './helpers.js';

export const stockport: Authority = {
  id: authorityId('stockport'),
  name: 'Stockport Metropolitan Borough Council',
  shortName: 'Stockport',
  region: 'england',
  style: {
    primaryColour: '#5C2D91',
    logo: null,
    minutePrefix: '',
    municipalYearStart: { month: 5, day: 1 },
    resolutionLead: 'RESOLVED –',
  },
  // Illustrative: offices closed between Christmas and New Year (not bank holidays).
  closureDays: [date('2021-12-29'), date('2021-12-30'), date('2021-12-31')],
  website: 'https://www.stockport.gov.uk',
};

/** Seeds 000, 002 and 003: the Cabinet Member for Children, Family Services & Education. */
export const colinFoster = member('stockport-colin-foster', 'Councillor Colin Foster', null, null);

// Illustrative committee members (invented names; real Stockport ward names).
export const helenAshworth = member(
  'stockport-helen-ashworth',
  'Councillor Helen Ashworth',
  'Labour',
  'Edgeley & Cheadle Heath',
);
export const markBramhall = member(
  'stockport-mark-bramhall',
  'Councillor Mark Bramhall',
  'Liberal Democrat',
  'Cheadle Hulme North',
);
export const priyaShah = member(
  'stockport-priya-shah',
  'Councillor Priya Shah',
  'Labour',
  'Heatons South',
);
export const janetHollins = member(
  'stockport-janet-hollins',
  'Councillor Janet Hollins',
  'Liberal Democrat',
  'Marple North',
);
export const tomRadcliffe = member(
  'stockport-tom-radcliffe',
  'Councillor Tom Radcliffe',
  'Labour',
  'Brinnington & Central',
);
export const sarahKershaw = member(
  'stockport-sarah-kershaw',
  'Councillor Sarah Kershaw',
  'Conservative',
  'Bramhall South & Woodford',
);
export const imranQureshi = member(
  'stockport-imran-qureshi',
  'Councillor Imran Qureshi',
  'Labour',
  'Reddish North',
);
export const lindaRoyle = member(
  'stockport-linda-royle',
  'Councillor Linda Royle',
  'Liberal Democrat',
  'Hazel Grove',
);
export const peterFenwick = member(
  'stockport-peter-fenwick',
  'Councillor Peter Fenwick',
  'Liberal Democrat',
  'Offerton',
);
export const rachelOpenshaw = member(
  'stockport-rachel-openshaw',
  'Councillor Rachel Openshaw',
  'Labour',
  'Davenport & Cale Green',
);
export const davidLeach = member(
  'stockport-david-leach',
  'Councillor David Leach',
  'Independent Ratepayers',
  'Heald Green',
);
export const garethLowe = member(
  'stockport-gareth-lowe',
  'Councillor Gareth Lowe',
  'Labour',
  'Manor',
);

export const stockportMembers: readonly Member[] = [
  colinFoster,
  helenAshworth,
  markBramhall,
  priyaShah,
  janetHollins,
  tomRadcliffe,
  sarahKershaw,
  imranQureshi,
  lindaRoyle,
  peterFenwick,
  rachelOpenshaw,
  davidLeach,
  garethLowe,
];

export const CFSE = portfolio('CFSE');

export const childrenAndFamiliesScrutiny: Committee = {
  id: committeeId('stockport-cfsc'),
  authorityId: stockport.id,
  name: 'Children & Families Scrutiny Committee',
  // Seeds 000–002 state no terms of reference: what they show the committee considering.
  purpose:
    'Scrutinises the Children, Family Services and Education portfolio. It considers the draft portfolio agreement, which sets out the portfolio’s priorities for the year, and the Portfolio Performance and Resources Reports on progress in delivering them, the budget, capital and the savings programme.',
  // Illustrative membership over two municipal years (from 1 May): in 2022/23 the Vice-Chair
  // took the chair, the Chair stayed on as a member and Rachel Openshaw's seat fell vacant. Every
  // sample meeting is in 2021/22, so its front sheet prints Helen Ashworth as Chair.
  memberships: [
    seat(helenAshworth, 'chair', '2021-05-01', '2022-04-30'),
    seat(helenAshworth, 'member', '2022-05-01'),
    seat(markBramhall, 'vice-chair', '2021-05-01', '2022-04-30'),
    seat(markBramhall, 'chair', '2022-05-01'),
    seat(priyaShah, 'member', '2021-05-01', '2022-04-30'),
    seat(priyaShah, 'vice-chair', '2022-05-01'),
    seat(janetHollins, 'member', '2021-05-01'),
    seat(tomRadcliffe, 'member', '2021-05-01'),
    seat(sarahKershaw, 'member', '2021-05-01'),
    seat(imranQureshi, 'member', '2021-05-01'),
    seat(lindaRoyle, 'member', '2021-05-01'),
    seat(peterFenwick, 'member', '2021-05-01'),
    seat(rachelOpenshaw, 'member', '2021-05-01', '2022-04-30'),
    seat(null, 'member', '2022-05-01'),
    seat(davidLeach, 'member', '2021-05-01'),
    seat(garethLowe, 'substitute', '2021-05-01'),
  ],
  // Illustrative clerk (invented name and number).
  clerk: contact(
    'Jonathan Pearce',
    'Democratic Services Officer',
    'committee.services@stockport.gov.uk',
    '(474 3206)',
  ),
  portfolioCodes: [CFSE],
};

export const cfsePortfolio: Portfolio = {
  code: CFSE,
  authorityId: stockport.id,
  name: 'Children, Family Services and Education',
  cabinetMember: ref(colinFoster),
  directors: ["Director of Children's Services", 'Director of Education'],
};

/** The officer contacts exactly as seeds 000–003 print them. */
export const cfseContacts = [
  contact(
    'Gaynor Ward',
    'Strategy and Performance Manager',
    'gaynor.ward@stockport.gov.uk',
    '(474 3186)',
  ),
  contact(
    'Gill Dixon',
    'CSS Manager (Specialist) Finance – Children’s Social Care',
    'gill.dixon@stockport.gov.uk',
    '(474 3886)',
  ),
  contact(
    'Peter Hughes',
    'CSS Manager (Specialist) Finance – Education & Schools',
    'peter.hughes@stockport.gov.uk',
    '(474 3947)',
  ),
] as const;
