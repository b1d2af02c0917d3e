/** The declarations of interest resource: `/api/v1/declarations`, `/api/v1/meetings/{meetingId}/declarations`. */
import { Declaration, INTEREST_KINDS } from '../model/declarations.js';
import type { MeetingId } from '../model/meeting.js';
import { identifier, MemberId } from '../model/people.js';
import { ReadOnly, StringEnum, Text, Type, type Shape } from '../schema/kit.js';
import { IdParam, ListQuery, Page, Resource } from './common.js';

const MeetingRef = identifier<MeetingId>('The meeting the declaration was made at.');

export const DeclarationResource = Resource(
  'DeclarationResource',
  {
    id: ReadOnly(Text({ maxLength: 36, description: 'The declaration’s id.' })),
    meetingId: ReadOnly(MeetingRef),
    ...Declaration.properties,
  },
  'A declaration of interest as stored, with its meeting and the server’s version and timestamps. Send it back as is to correct it.',
);
export type DeclarationResource = Shape<typeof DeclarationResource>;

export const DeclarationPage = Page(DeclarationResource);
export type DeclarationPage = Shape<typeof DeclarationPage>;

export const DeclarationQuery = ListQuery(['member', 'interest'] as const, {
  meetingId: Type.Optional(identifier<MeetingId>('Only declarations made at this meeting.')),
  memberId: Type.Optional(MemberId),
  interest: Type.Optional(
    StringEnum(INTEREST_KINDS, {
      description: 'Only declarations that include this kind of interest.',
    }),
  ),
});
export type DeclarationQuery = Shape<typeof DeclarationQuery>;

export const DeclarationParams = IdParam('id', 'The declaration’s id.');
export const MeetingDeclarationParams = IdParam('meetingId', 'The meeting’s id.');
export { Declaration as DeclarationInput };
