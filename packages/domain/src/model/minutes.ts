import type { Maybe } from '../missing.js';
import type { Exemption } from './meeting.js';
import type { PersonRef } from './people.js';
import type { ListStyle } from './text.js';
import type { LocalDate, LocalTime } from './time.js';

/**
 * A minute's reference as the council writes it (`33`, `OS.190`) and its position in the
 * municipal year's sequence. Not the agenda number: item 1 of a December meeting can be minute 88.
 */
export type MinuteRef = { readonly text: string; readonly sequence: number };

/** One point made in the meeting and, where there was one, the answer. */
export type Comment = {
  /** The subject it is about, printed in bold before it ("Rereferrals"); null when none. */
  readonly topic: string | null;
  readonly point: string;
  readonly response: string | null;
};

/**
 * Minute text comes in two styles (both in the seeds): numbered paragraphs (33.1, 33.2 …),
 * each optionally with bullet comments; or Stockport's "The following comments were made"
 * groups under headings that follow the report (Part One, Priority Two …).
 */
export type MinuteBlock =
  | {
      readonly kind: 'paragraph';
      /** `33.1`; null for an unnumbered paragraph. */
      readonly ref: string | null;
      readonly text: string;
      readonly comments: readonly Comment[];
    }
  | {
      readonly kind: 'comment-group';
      readonly heading: string | null;
      readonly comments: readonly Comment[];
    };

export type VoteCount = {
  readonly for: number;
  readonly against: number;
  readonly abstain: number;
};

export type Vote =
  | { readonly kind: 'show-of-hands'; readonly count: Maybe<VoteCount> }
  | { readonly kind: 'unanimous' }
  | {
      readonly kind: 'recorded';
      readonly votes: readonly {
        readonly member: PersonRef;
        readonly cast: 'for' | 'against' | 'abstain';
      }[];
    }
  | { readonly kind: 'secret-ballot'; readonly count: Maybe<VoteCount> };

export type Motion = {
  readonly text: string;
  readonly proposer: PersonRef | null;
  readonly seconder: PersonRef | null;
  readonly vote: Vote | null;
  readonly outcome: 'carried' | 'lost' | 'withdrawn' | 'not-recorded';
};

/** An election to an office, e.g. a Vice-Chair with two nominations. */
export type Election = {
  readonly office: string;
  readonly nominations: readonly {
    readonly nominee: PersonRef;
    readonly proposer: PersonRef | null;
    readonly seconder: PersonRef | null;
    readonly votes: number | null;
  }[];
  readonly elected: PersonRef | null;
};

/** Resolutions, verbatim: one sentence, or a numbered / lettered / roman list with its lead-in. */
export type Resolution =
  | { readonly kind: 'single'; readonly text: string }
  | {
      readonly kind: 'list';
      readonly style: ListStyle;
      /** "That the Committee:"; null when the list has none. */
      readonly lead: string | null;
      readonly points: readonly { readonly label: string; readonly text: string }[];
    };

export type ActionStatus = 'open' | 'in-progress' | 'done' | 'dropped';

export type Action = {
  /** As minuted: "a written response would be provided to the Committee". */
  readonly text: string;
  readonly owner: string | null;
  readonly due: LocalDate | null;
  readonly status: ActionStatus;
};

/** Approving the previous meeting's minutes, possibly "subject to" amendments of named minutes. */
export type PreviousMinutesApproval = {
  readonly meetingDate: LocalDate | null;
  readonly amendments: readonly { readonly minuteRef: string; readonly text: string }[];
};

export type Minute = {
  readonly ref: MinuteRef;
  /** The agenda item it minutes (published number), or null for a minute with no item. */
  readonly agendaItemNumber: string | null;
  /** Order in which the meeting took it (the chair may take item 8 before item 6), from 1. */
  readonly takenOrder: number;
  readonly title: string;
  /** Who submitted the report ("The Director of Children's Services … submitted a joint report"). */
  readonly blocks: readonly MinuteBlock[];
  readonly motions: readonly Motion[];
  readonly elections: readonly Election[];
  readonly actions: readonly Action[];
  readonly resolution: Resolution | null;
  readonly previousMinutes: PreviousMinutesApproval | null;
  /** Minutes of an exempt item are exempt too. */
  readonly exemption: Exemption | null;
};

/** Draft minutes become the approved record at the next meeting; after that they do not change. */
export type MinutesStatus = 'draft' | 'approved';

export type MinutesOfMeeting = {
  readonly status: MinutesStatus;
  /** When the next meeting approved them as a correct record. */
  readonly approvedOn: LocalDate | null;
  /** The time the meeting closed, as minuted. */
  readonly closedAt: LocalTime | null;
  readonly minutes: readonly Minute[];
};
