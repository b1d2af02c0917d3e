import { Maybe } from '../missing.js';
import {
  Closed,
  KindUnion,
  LIMITS,
  List,
  Nullable,
  StringEnum,
  Text,
  Type,
  Variant,
  type Shape,
} from '../schema/kit.js';
import { Exemption } from './meeting.js';
import { PersonRef } from './people.js';
import { ListStyle } from './text.js';
import { LocalDate, LocalTime } from './time.js';

/** A paragraph or point of minute text: as long as a minute's paragraph may be. */
const paragraphText = (options: { minLength?: number; description?: string } = {}) =>
  Text({ maxLength: LIMITS.paragraph, ...options });

/** No municipal year reaches a millionth minute; the database's integer columns hold far more. */
export const MAX_MINUTE_NUMBER = 999_999;

/**
 * A minute's reference as the council writes it (`33`, `OS.190`) and its position in the
 * municipal year's sequence. Not the agenda number: item 1 of a December meeting can be minute 88.
 */
export const MinuteRef = Closed(
  {
    text: Text({ maxLength: 30, description: 'As printed, e.g. `33` or `OS.190`.' }),
    sequence: Type.Integer({
      minimum: 1,
      maximum: MAX_MINUTE_NUMBER,
      description: 'The number in the reference: its place in the municipal year.',
    }),
  },
  { title: 'MinuteRef' },
);
export type MinuteRef = Shape<typeof MinuteRef>;

/** One point made in the meeting and, where there was one, the answer. */
export const Comment = Closed(
  {
    /** The subject it is about, printed in bold before it ("Rereferrals"); null when none. */
    topic: Nullable(
      Text({
        minLength: 0,
        description: 'The subject, printed in bold before it (e.g. `Rereferrals`); null when none.',
      }),
    ),
    point: paragraphText(),
    response: Nullable(paragraphText({ minLength: 0 })),
  },
  { title: 'Comment', description: 'One point made in the meeting and, where given, the answer.' },
);
export type Comment = Shape<typeof Comment>;

/**
 * Minute text comes in two styles (both in the seeds): numbered paragraphs (33.1, 33.2 …),
 * each optionally with bullet comments; or Stockport's "The following comments were made"
 * groups under headings that follow the report (Part One, Priority Two …).
 */
export const MinuteBlock = KindUnion(
  [
    Variant(
      'paragraph',
      {
        /** `33.1`; null for an unnumbered paragraph. */
        ref: Nullable(
          Text({ minLength: 0, description: 'e.g. `33.1`; null for an unnumbered paragraph.' }),
        ),
        text: paragraphText({ minLength: 0 }),
        comments: List(Comment),
      },
      { title: 'MinuteParagraph', description: 'A numbered (or unnumbered) paragraph.' },
    ),
    Variant(
      'comment-group',
      { heading: Nullable(Text({ minLength: 0 })), comments: List(Comment) },
      {
        title: 'CommentGroup',
        description: '"The following comments were made", under a heading that follows the report.',
      },
    ),
  ],
  { title: 'MinuteBlock', description: 'Numbered paragraphs or grouped comments.' },
);
export type MinuteBlock = Shape<typeof MinuteBlock>;

export const VoteCount = Closed(
  {
    for: Type.Integer({ minimum: 0 }),
    against: Type.Integer({ minimum: 0 }),
    abstain: Type.Integer({ minimum: 0 }),
  },
  { title: 'VoteCount' },
);
export type VoteCount = Shape<typeof VoteCount>;

export const VOTE_CASTS = ['for', 'against', 'abstain'] as const;
/** How one member voted in a recorded vote. */
export type VoteCast = (typeof VOTE_CASTS)[number];

export const Vote = KindUnion(
  [
    Variant('show-of-hands', { count: Maybe(VoteCount) }, { title: 'ShowOfHandsVote' }),
    Variant('unanimous', {}, { title: 'UnanimousVote' }),
    Variant(
      'recorded',
      {
        votes: List(
          Closed(
            { member: PersonRef, cast: StringEnum(VOTE_CASTS, { title: 'VoteCast' }) },
            { title: 'MemberVote' },
          ),
        ),
      },
      { title: 'RecordedVote', description: 'A recorded vote: how each member voted.' },
    ),
    Variant('secret-ballot', { count: Maybe(VoteCount) }, { title: 'SecretBallotVote' }),
  ],
  { title: 'Vote' },
);
export type Vote = Shape<typeof Vote>;

export const MOTION_OUTCOMES = ['carried', 'lost', 'withdrawn', 'not-recorded'] as const;
export type MotionOutcome = (typeof MOTION_OUTCOMES)[number];

export const Motion = Closed(
  {
    text: paragraphText(),
    proposer: Nullable(PersonRef),
    seconder: Nullable(PersonRef),
    vote: Nullable(Vote),
    outcome: StringEnum(MOTION_OUTCOMES, { title: 'MotionOutcome' }),
  },
  { title: 'Motion', description: 'A motion put to the meeting, with its vote and outcome.' },
);
export type Motion = Shape<typeof Motion>;

/** An election to an office, e.g. a Vice-Chair with two nominations. */
export const Election = Closed(
  {
    office: Text(),
    nominations: List(
      Closed(
        {
          nominee: PersonRef,
          proposer: Nullable(PersonRef),
          seconder: Nullable(PersonRef),
          votes: Nullable(Type.Integer({ minimum: 0 })),
        },
        { title: 'Nomination' },
      ),
    ),
    elected: Nullable(PersonRef),
  },
  { title: 'Election', description: 'An election to an office, e.g. a Vice-Chair.' },
);
export type Election = Shape<typeof Election>;

/** Resolutions, verbatim: one sentence, or a numbered / lettered / roman list with its lead-in. */
export const Resolution = KindUnion(
  [
    Variant('single', { text: paragraphText() }, { title: 'SingleResolution' }),
    Variant(
      'list',
      {
        style: ListStyle,
        /** "That the Committee:"; null when the list has none. */
        lead: Nullable(
          paragraphText({
            minLength: 0,
            description: 'e.g. `That the Committee:`; null when the list has none.',
          }),
        ),
        points: List(
          Closed(
            { label: Text({ minLength: 0, maxLength: 20 }), text: paragraphText() },
            { title: 'ResolutionPoint' },
          ),
          { minItems: 1 },
        ),
      },
      { title: 'ListResolution' },
    ),
  ],
  {
    title: 'Resolution',
    description: 'Verbatim: one sentence, or a numbered, lettered or roman list with its lead-in.',
  },
);
export type Resolution = Shape<typeof Resolution>;

export const ACTION_STATUSES = ['open', 'in-progress', 'done', 'dropped'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export const ActionStatus = StringEnum(ACTION_STATUSES, { title: 'ActionStatus' });

export const Action = Closed(
  {
    /** As minuted: "a written response would be provided to the Committee". */
    text: paragraphText({ description: 'As minuted.' }),
    owner: Nullable(Text({ description: 'Who is to do it, e.g. `Director of Education`.' })),
    due: Nullable(LocalDate),
    status: ActionStatus,
  },
  { title: 'Action', description: 'An action minuted at a meeting.' },
);
export type Action = Shape<typeof Action>;

/** Approving the previous meeting's minutes, possibly "subject to" amendments of named minutes. */
export const PreviousMinutesApproval = Closed(
  {
    meetingDate: Nullable(LocalDate),
    amendments: List(
      Closed(
        { minuteRef: Text({ minLength: 0, maxLength: 30 }), text: paragraphText() },
        { title: 'MinuteAmendment' },
      ),
    ),
  },
  {
    title: 'PreviousMinutesApproval',
    description: 'Approving the previous meeting’s minutes, possibly subject to amendments.',
  },
);
export type PreviousMinutesApproval = Shape<typeof PreviousMinutesApproval>;

export const Minute = Closed(
  {
    ref: MinuteRef,
    /** The agenda item it minutes (published number), or null for a minute with no item. */
    agendaItemNumber: Nullable(
      Text({ maxLength: 10, description: 'The agenda item it minutes, by published number.' }),
    ),
    /** Order in which the meeting took it (the chair may take item 8 before item 6), from 1. */
    takenOrder: Type.Integer({
      minimum: 1,
      maximum: MAX_MINUTE_NUMBER,
      description: 'Order in which the meeting took it, from 1.',
    }),
    title: Text(),
    /** Who submitted the report ("The Director of Children's Services … submitted a joint report"). */
    blocks: List(MinuteBlock, { maxItems: LIMITS.longList }),
    motions: List(Motion),
    elections: List(Election),
    actions: List(Action),
    resolution: Nullable(Resolution),
    previousMinutes: Nullable(PreviousMinutesApproval),
    /** Minutes of an exempt item are exempt too. */
    exemption: Nullable(Exemption, { description: 'Minutes of an exempt item are exempt too.' }),
  },
  {
    title: 'Minute',
    description:
      'One minute with its paragraphs, comments, motions and votes, elections, actions and resolution.',
  },
);
export type Minute = Shape<typeof Minute>;

export const MINUTES_STATUSES = ['draft', 'approved', 'unknown'] as const;
/**
 * Draft minutes become the approved record at the next meeting; after that they do not change.
 * `unknown` is for a historic record whose source does not say which it is: documents never claim
 * it was approved, nor mark it a draft.
 */
export type MinutesStatus = (typeof MINUTES_STATUSES)[number];
export const MinutesStatus = StringEnum(MINUTES_STATUSES, {
  title: 'MinutesStatus',
  description:
    'Draft until a later meeting approves them as a correct record; `unknown` for a historic record whose source does not say (never printed as approved).',
});

export const MinutesOfMeeting = Closed(
  {
    status: MinutesStatus,
    /** When the next meeting approved them as a correct record. */
    approvedOn: Nullable(LocalDate, {
      description: 'When a later meeting approved them as a correct record.',
    }),
    /** The time the meeting closed, as minuted. */
    closedAt: Nullable(LocalTime, { description: 'The time the meeting closed, as minuted.' }),
    minutes: List(Minute, { maxItems: LIMITS.longList }),
  },
  { title: 'MinutesOfMeeting' },
);
export type MinutesOfMeeting = Shape<typeof MinutesOfMeeting>;
