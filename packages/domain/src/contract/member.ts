/** The members resource (councillors): `/api/v1/members`. */
import { Member, type MemberId } from '../model/people.js';
import { BrandedString, Closed, LIMITS, Text, Type, type Shape } from '../schema/kit.js';
import { IdParam, ListQuery, Page, PatchOf, Resource } from './common.js';

export const MemberResource = Resource(
  'MemberResource',
  Member.properties,
  'A councillor as stored: the domain’s Member and the server’s version and timestamps.',
);
export type MemberResource = Shape<typeof MemberResource>;

export const MemberPage = Page(MemberResource);
export type MemberPage = Shape<typeof MemberPage>;

/** A new councillor: the id is made from the name when omitted; party and ward default to null. */
export const MemberInput = Closed(
  {
    id: Type.Optional(
      BrandedString<MemberId>({
        minLength: 1,
        maxLength: LIMITS.id,
        pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$',
        description:
          'A stable id of letters, digits, dots, underscores or hyphens; made from the name when omitted.',
      }),
    ),
    name: Member.properties.name,
    party: Type.Optional(Member.properties.party),
    ward: Type.Optional(Member.properties.ward),
  },
  { title: 'MemberInput', description: 'A councillor to add.' },
);
export type MemberInput = Shape<typeof MemberInput>;

export const MemberPatch = PatchOf('MemberPatch', {
  name: Member.properties.name,
  party: Member.properties.party,
  ward: Member.properties.ward,
});
export type MemberPatch = Shape<typeof MemberPatch>;

export const MemberQuery = ListQuery(['name', 'party'] as const, {
  name: Type.Optional(
    Text({ maxLength: LIMITS.name, description: 'Names containing this text (case-insensitive).' }),
  ),
  party: Type.Optional(Text({ maxLength: 100, description: 'Only members of this party.' })),
});
export type MemberQuery = Shape<typeof MemberQuery>;

export const MemberParams = IdParam('id', 'The councillor’s id.');
