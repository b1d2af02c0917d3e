import { Maybe } from '../missing.js';
import {
  Closed,
  KindUnion,
  LIMITS,
  List,
  StringEnum,
  Text,
  Type,
  Variant,
  type Shape,
} from '../schema/kit.js';
import { PersonRef } from './people.js';

export const INTEREST_KINDS = [
  'personal',
  'prejudicial',
  'disclosable-pecuniary',
  'other-registrable',
  'non-registrable',
] as const;
/** The kind of interest a councillor declares (the council's code of conduct names them). */
export type InterestKind = (typeof INTEREST_KINDS)[number];
export const InterestKind = StringEnum(INTEREST_KINDS, { title: 'InterestKind' });

/** Against an agenda item (by its published number) or a subject ("any references to Stockport Homes"). */
export const DeclarationAbout = KindUnion(
  [
    Variant(
      'agenda-item',
      { itemNumber: Text({ maxLength: 20, description: 'As printed: `5`, `5a`.' }) },
      { title: 'DeclarationAboutAgendaItem' },
    ),
    Variant('subject', { subject: Text() }, { title: 'DeclarationAboutSubject' }),
  ],
  {
    title: 'DeclarationAbout',
    description: 'What the interest is in: an agenda item by its number, or a subject.',
  },
);
export type DeclarationAbout = Shape<typeof DeclarationAbout>;

export const Declaration = Closed(
  {
    member: PersonRef,
    about: DeclarationAbout,
    /** Every kind the member declared ("personal and prejudicial"), each once, as the source orders them. */
    interests: List(InterestKind, {
      minItems: 1,
      maxItems: INTEREST_KINDS.length,
      uniqueItems: true,
      description:
        'Every kind of interest declared, each once (a member can declare a “personal and prejudicial” interest).',
    }),
    /** Its nature, in words. */
    nature: Text({
      minLength: 0,
      maxLength: LIMITS.paragraph,
      description: 'Its nature, in words.',
    }),
    /** Whether the member left the room; `Unknown` where the minutes do not say. */
    withdrew: Maybe(Type.Boolean({ description: 'Whether the member left the room.' })),
  },
  { title: 'Declaration', description: 'A declaration of interest made at a meeting.' },
);
export type Declaration = Shape<typeof Declaration>;

/** "No declarations were made" is a recorded fact, different from "not recorded". */
export const Declarations = KindUnion(
  [
    Variant('not-recorded', {}, { title: 'DeclarationsNotRecorded' }),
    Variant('none-made', {}, { title: 'DeclarationsNoneMade' }),
    Variant(
      'made',
      { declarations: List(Declaration, { minItems: 1 }) },
      { title: 'DeclarationsMade' },
    ),
    Variant(
      'made-unnamed',
      {
        itemNumbers: List(Text({ maxLength: 20, description: 'As printed: `5`, `5a`.' }), {
          maxItems: LIMITS.shortList,
          description:
            'The agenda items the declarations were about, when the source says; empty when it does not.',
        }),
      },
      {
        title: 'DeclarationsMadeUnnamed',
        description:
          'Declarations were made, but the source does not record who made them or what they were.',
      },
    ),
  ],
  {
    title: 'Declarations',
    description:
      'The declarations of interest at a meeting; that some were made without the names recorded; or that none were made or recorded.',
  },
);
export type Declarations = Shape<typeof Declarations>;
