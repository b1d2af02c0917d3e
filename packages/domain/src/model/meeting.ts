import type { Brand } from '../brand.js';
import type { Maybe } from '../missing.js';
import type { CommitteeId, OfficerContact, PersonRef } from './people.js';
import type { PerformanceReportId } from './report.js';
import type { Recommendations, ReportSection } from './text.js';
import type { Instant, LocalDate, LocalTime } from './time.js';
import { Closed, IntegerEnum, type Shape } from '../schema/kit.js';

export type MeetingId = Brand<string, 'MeetingId'>;

export const EXEMPT_PARAGRAPHS = [1, 2, 3, 4, 5, 6, 7] as const;
/** Local Government Act 1972, Schedule 12A, Part 1: the paragraph that makes information exempt. */
export type ExemptParagraph = (typeof EXEMPT_PARAGRAPHS)[number];
export const ExemptParagraph = IntegerEnum(EXEMPT_PARAGRAPHS, {
  title: 'ExemptParagraph',
  description: 'Local Government Act 1972, Schedule 12A, Part 1 paragraph (1–7).',
});

/** Why an item or appendix is not for publication. The public sees the paragraph, never the content. */
export const Exemption = Closed(
  { paragraph: ExemptParagraph },
  {
    title: 'Exemption',
    description: 'Why it is not for publication: the public sees the paragraph, never the content.',
  },
);
export type Exemption = Shape<typeof Exemption>;

export type AgendaItemKind =
  | 'apologies'
  | 'minutes'
  | 'declarations'
  | 'call-in'
  | 'exclusion-of-public'
  | 'urgent-business'
  | 'report'
  | 'other';

/**
 * A document attached to an agenda item: the report itself or an appendix. It is written
 * inline (`sections`) or points at a performance report held as data (`performanceReportId`).
 * An appendix can be exempt while its report is public.
 */
export type ItemDocument = {
  readonly title: string;
  readonly role: 'report' | 'appendix' | 'supporting';
  readonly exemption: Exemption | null;
  readonly content:
    | { readonly kind: 'sections'; readonly sections: readonly ReportSection[] }
    | { readonly kind: 'performance-report'; readonly performanceReportId: PerformanceReportId }
    | {
        readonly kind: 'table';
        readonly caption: string;
        readonly header: readonly string[];
        readonly rows: readonly (readonly string[])[];
      };
};

export type AgendaItem = {
  /** The published number as printed: `5`, `5a`. */
  readonly number: string;
  /** Position in the published agenda, from 1. */
  readonly order: number;
  readonly kind: AgendaItemKind;
  readonly title: string;
  /** "To consider a joint report of …"; null for fixed items that have none. */
  readonly summary: string | null;
  readonly recommendations: Recommendations | null;
  /** The officers the report is "of" (two or more for a joint report). */
  readonly reportOf: readonly string[];
  readonly contacts: readonly OfficerContact[];
  /** Null for an open item; the Schedule 12A paragraph for one taken in private. */
  readonly exemption: Exemption | null;
  readonly documents: readonly ItemDocument[];
};

export type MeetingStatus = 'scheduled' | 'agenda-published' | 'held' | 'cancelled';

export type Meeting = {
  readonly id: MeetingId;
  readonly committeeId: CommitteeId;
  readonly date: LocalDate;
  /** Null where the source gives no time. */
  readonly startTime: LocalTime | null;
  readonly venue: string | null;
  readonly status: MeetingStatus;
  /** When the agenda was published (open to inspection); null until then. */
  readonly agendaPublishedAt: Instant | null;
};

/** Who attended. The committee's membership is not the attendance. */
export type Attendance =
  | { readonly kind: 'not-recorded'; readonly reason: string }
  | {
      readonly kind: 'recorded';
      /** Chair first, as minutes print them. */
      readonly present: readonly {
        readonly person: PersonRef;
        readonly role: 'chair' | 'vice-chair' | 'member';
      }[];
      readonly apologies: readonly PersonRef[];
      /** A substitute sits for a named absent member, or for none the source names. */
      readonly substitutes: readonly {
        readonly person: PersonRef;
        readonly forMember: PersonRef | null;
      }[];
      readonly cabinetMembers: readonly {
        readonly person: PersonRef;
        readonly portfolio: string | null;
      }[];
      readonly officers: readonly { readonly name: string; readonly role: string | null }[];
    };

export type InterestKind =
  'personal' | 'prejudicial' | 'disclosable-pecuniary' | 'other-registrable' | 'non-registrable';

export type Declaration = {
  readonly member: PersonRef;
  /** Against an agenda item (by its published number) or a subject ("any references to Stockport Homes"). */
  readonly about:
    | { readonly kind: 'agenda-item'; readonly itemNumber: string }
    | { readonly kind: 'subject'; readonly subject: string };
  readonly interest: InterestKind;
  /** Its nature, in words. */
  readonly nature: string;
  /** Whether the member left the room; `Unknown` where the minutes do not say. */
  readonly withdrew: Maybe<boolean>;
};

/** "No declarations were made" is a recorded fact, different from "not recorded". */
export type Declarations =
  | { readonly kind: 'not-recorded' }
  | { readonly kind: 'none-made' }
  | { readonly kind: 'made'; readonly declarations: readonly Declaration[] };
