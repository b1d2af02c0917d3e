/** The officer contacts resource: `/api/v1/officer-contacts`. */
import { OfficerContact, PortfolioCode } from '../model/people.js';
import { Closed, ReadOnly, Type, type Shape } from '../schema/kit.js';
import { ListQuery, Page, PatchOf, Resource } from './common.js';

/** Officer contacts are numbered by the server, from 1. */
export const OfficerContactId = Type.Integer({
  minimum: 1,
  maximum: 2_147_483_647,
  description: 'The contact’s number.',
});

export const OfficerContactResource = Resource(
  'OfficerContactResource',
  {
    id: ReadOnly(OfficerContactId),
    portfolioCode: PortfolioCode,
    ...OfficerContact.properties,
  },
  'An officer a portfolio’s reports name as a contact, with the server’s version and timestamps.',
);
export type OfficerContactResource = Shape<typeof OfficerContactResource>;

export const OfficerContactPage = Page(OfficerContactResource);
export type OfficerContactPage = Shape<typeof OfficerContactPage>;

/** A new contact for a portfolio; email and phone default to null. */
export const OfficerContactInput = Closed(
  {
    portfolioCode: PortfolioCode,
    name: OfficerContact.properties.name,
    role: OfficerContact.properties.role,
    email: Type.Optional(OfficerContact.properties.email),
    phone: Type.Optional(OfficerContact.properties.phone),
  },
  { title: 'OfficerContactInput', description: 'An officer to name as a portfolio’s contact.' },
);
export type OfficerContactInput = Shape<typeof OfficerContactInput>;

export const OfficerContactPatch = PatchOf('OfficerContactPatch', OfficerContact.properties);
export type OfficerContactPatch = Shape<typeof OfficerContactPatch>;

export const OfficerContactQuery = ListQuery(['name', 'portfolio'] as const, {
  portfolio: Type.Optional(PortfolioCode),
});
export type OfficerContactQuery = Shape<typeof OfficerContactQuery>;

export const OfficerContactParams = Closed({ id: OfficerContactId });
