// Flintshire (ILLUSTRATIVE): a Welsh county council, so Schedule 12A applies as in Wales (Part 4,
// paragraphs 12–18). The council's and committee's names are real; the members, their wards, the
// clerk and every meeting detail are INVENTED for the sample, see README.md.
import type { Authority, Committee, Member } from '@scrutineer/domain';
import { authorityId, committeeId, contact, member, seat } from '../helpers.js';

export const flintshire: Authority = {
  id: authorityId('flintshire'),
  name: 'Flintshire County Council',
  shortName: 'Flintshire',
  region: 'wales',
  style: {
    primaryColour: '#1D5F3A',
    logo: null,
    minutePrefix: '',
    municipalYearStart: { month: 5, day: 1 },
    // Flintshire's published minutes introduce a decision with "RESOLVED:".
    resolutionLead: 'RESOLVED:',
  },
  closureDays: [],
  website: 'https://www.flintshire.gov.uk',
};

// Illustrative members (invented names and wards).
export const gwenLlewelyn = member(
  'flintshire-gwen-llewelyn',
  'Councillor Gwen Llewelyn',
  null,
  'Mold East',
);
export const rhodriPryce = member(
  'flintshire-rhodri-pryce',
  'Councillor Rhodri Pryce',
  null,
  'Buckley Bistre West',
);
export const sianMostyn = member(
  'flintshire-sian-mostyn',
  'Councillor Siân Mostyn',
  null,
  'Holywell Central',
);
export const garethEvans = member(
  'flintshire-gareth-evans',
  'Councillor Gareth Evans',
  null,
  'Connah’s Quay South',
);
export const angharadRees = member(
  'flintshire-angharad-rees',
  'Councillor Angharad Rees',
  null,
  'Flint Castle',
);

export const flintshireMembers: readonly Member[] = [
  gwenLlewelyn,
  rhodriPryce,
  sianMostyn,
  garethEvans,
  angharadRees,
];

export const corporateResourcesScrutiny: Committee = {
  id: committeeId('flintshire-cros'),
  authorityId: flintshire.id,
  name: 'Corporate Resources Overview and Scrutiny Committee',
  // Illustrative, like the rest of Flintshire: a summary of what its sample agenda considers.
  purpose:
    'Scrutinises the Council’s corporate resources: among them the monitoring of the revenue budget and the award of the Council’s corporate contracts.',
  memberships: [
    seat(gwenLlewelyn, 'chair', '2021-05-01'),
    seat(rhodriPryce, 'vice-chair', '2021-05-01'),
    seat(sianMostyn, 'member', '2021-05-01'),
    seat(garethEvans, 'member', '2021-05-01'),
    seat(angharadRees, 'member', '2021-05-01'),
  ],
  clerk: contact('Eleri Pugh', 'Democratic Services Officer', null, '01352 700000'),
  portfolioCodes: [],
};
