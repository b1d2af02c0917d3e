/**
 * The minutes' attendance and declarations blocks: who was there, who sent apologies, and the
 * interests declared, printed only where the record holds them (the clerk sees a gap in the
 * pre-publication check, not in the PDF).
 */
import type { Attendance, Declaration, Declarations, InterestKind } from '@scrutineer/domain';
import { isUnknown } from '@scrutineer/domain';
import type { Block, Run } from './document-model.js';
import { joinNames } from './wording.js';

const INTEREST_WORDS: Record<InterestKind, string> = {
  personal: 'personal',
  prejudicial: 'prejudicial',
  'disclosable-pecuniary': 'disclosable pecuniary',
  'other-registrable': 'other registrable',
  'non-registrable': 'non-registrable',
};

/** "a personal and prejudicial interest", "an other registrable interest". */
const interestWords = (interests: readonly InterestKind[]): string => {
  const words = joinNames(interests.map((kind) => INTEREST_WORDS[kind]));
  return `${/^[aeiou]/.test(words) ? 'an' : 'a'} ${words} interest`;
};

export const para = (
  runs: Run[],
  extra: Partial<Extract<Block, { kind: 'paragraph' }>> = {},
): Block => ({
  kind: 'paragraph',
  runs,
  ...extra,
});

/** What the attendance block leaves to a minute of its own (the numbered record, in the council's words). */
export type RecordedElsewhere = { readonly apologies: boolean; readonly declarations: boolean };

// A published record says nothing about what it does not hold: no line for attendance, declarations
// or a closing time the source does not give (the clerk sees the gap before publication).
export const attendanceBlocks = (attendance: Attendance, elsewhere: RecordedElsewhere): Block[] => {
  if (attendance.kind === 'not-recorded') return [];
  const blocks: Block[] = [];
  const rank = { chair: 0, 'vice-chair': 1, member: 2 } as const;
  const present = [...attendance.present]
    .sort((a, b) => rank[a.role] - rank[b.role])
    .map(({ person, role }) =>
      role === 'chair'
        ? `${person.name} (Chair)`
        : role === 'vice-chair'
          ? `${person.name} (Vice-Chair)`
          : person.name,
    );
  // A substitute is present: listed with the members, once, with the member they sat for.
  const substitutes = attendance.substitutes.map(({ person, forMember }) =>
    forMember ? `${person.name} (substitute for ${forMember.name})` : `${person.name} (substitute)`,
  );
  const everyone = [...present, ...substitutes];
  if (everyone.length > 0) {
    blocks.push(
      { kind: 'heading', level: 2, look: 3, runs: [{ text: 'Present' }] },
      para([{ text: `${joinNames(everyone)}.` }]),
    );
  }
  if (!elsewhere.apologies) {
    blocks.push(
      { kind: 'heading', level: 2, look: 3, runs: [{ text: 'Apologies' }] },
      para([
        {
          text:
            attendance.apologies.length > 0
              ? `Apologies for absence were received from ${joinNames(attendance.apologies.map((person) => person.name))}.`
              : 'No apologies for absence were received.',
        },
      ]),
    );
  }
  if (attendance.cabinetMembers.length > 0 || attendance.officers.length > 0) {
    blocks.push({
      kind: 'heading',
      level: 2,
      look: 3,
      runs: [{ text: 'Also in attendance' }],
    });
    for (const { person, portfolio } of attendance.cabinetMembers) {
      blocks.push(
        para(
          [
            {
              text: portfolio
                ? `${person.name}, Cabinet Member for ${portfolio}`
                : `${person.name}, Cabinet Member`,
            },
          ],
          { spaceAfter: 2 },
        ),
      );
    }
    for (const officer of attendance.officers) {
      blocks.push(
        para([{ text: officer.role ? `${officer.name}, ${officer.role}` : officer.name }], {
          spaceAfter: 2,
        }),
      );
    }
  }
  return blocks;
};

const declarationText = (declaration: Declaration): string => {
  const about =
    declaration.about.kind === 'agenda-item'
      ? `agenda item ${declaration.about.itemNumber}`
      : declaration.about.subject;
  const withdrew = isUnknown(declaration.withdrew)
    ? ''
    : declaration.withdrew
      ? ' They left the room during its consideration and took no part in the discussion or vote.'
      : ' They remained in the meeting.';
  return `${declaration.member.name} declared ${interestWords(declaration.interests)} in ${about}: ${declaration.nature}.${withdrew}`.replace(
    /\.\./g,
    '.',
  );
};

export const declarationBlocks = (
  declarations: Declarations,
  elsewhere: RecordedElsewhere,
): Block[] => {
  if (elsewhere.declarations) return [];
  const heading: Block = {
    kind: 'heading',
    level: 2,
    look: 3,
    runs: [{ text: 'Declarations of interest' }],
  };
  switch (declarations.kind) {
    case 'not-recorded':
      return [];
    case 'none-made':
      return [heading, para([{ text: 'No declarations were made.' }])];
    case 'made-unnamed': {
      // Declarations were made but the record does not name who made them: say what it holds.
      const items = declarations.itemNumbers;
      const on =
        items.length === 0
          ? ''
          : ` in respect of agenda item${items.length === 1 ? '' : 's'} ${joinNames([...items])}`;
      return [heading, para([{ text: `Declarations of interest were made${on}.` }])];
    }
    case 'made':
      return [
        heading,
        {
          kind: 'list',
          items: declarations.declarations.map((declaration) => ({
            label: '•',
            runs: [{ text: declarationText(declaration) }],
          })),
        },
      ];
  }
};
