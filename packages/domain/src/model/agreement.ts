import { Closed, LIMITS, List, Nullable, StringEnum, Text, type Shape } from '../schema/kit.js';
import { Pence } from './money.js';
import { CommitteeId, PortfolioCode } from './people.js';
import { MeasureTarget, PriorityNumber } from './performance.js';
import { FinancialYear, LocalDate } from './time.js';

export const AGREEMENT_STATUSES = ['draft', 'considered', 'approved'] as const;
/** Draft → considered (by the scrutiny committee) → approved (by Cabinet). Approved is final. */
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];
export const AgreementStatus = StringEnum(AGREEMENT_STATUSES, {
  title: 'AgreementStatus',
  description: 'Draft → considered (by the scrutiny committee) → approved (by Cabinet).',
});

export const Priority = Closed(
  {
    /** 1-based, as the council numbers them ("Priority Two"). */
    number: PriorityNumber,
    title: Text({ maxLength: 500 }),
    outcomes: List(Text({ maxLength: 2000 }), { maxItems: 50 }),
  },
  { title: 'Priority' },
);
export type Priority = Shape<typeof Priority>;

export const RevenueBudgetLine = Closed(
  {
    /** The service or division, e.g. `Children's Social Care`. */
    service: Text({ description: 'The service or division, e.g. `Children’s Social Care`.' }),
    budget: Pence,
  },
  { title: 'RevenueBudgetLine' },
);
export type RevenueBudgetLine = Shape<typeof RevenueBudgetLine>;

export const EarmarkedReserve = Closed(
  {
    name: Text(),
    /** Balance at the start of the year. */
    balance: Pence,
    /** Planned use in the year; null when the agreement does not plan one. */
    plannedUse: Nullable(Pence, { description: 'Planned use in the year; null when none.' }),
    purpose: Nullable(Text({ maxLength: 2000 })),
  },
  { title: 'EarmarkedReserve' },
);
export type EarmarkedReserve = Shape<typeof EarmarkedReserve>;

export const SavingsLine = Closed(
  {
    reference: Nullable(Text({ maxLength: LIMITS.id })),
    title: Text({ maxLength: 500 }),
    target: Pence,
  },
  { title: 'SavingsLine' },
);
export type SavingsLine = Shape<typeof SavingsLine>;

export const CapitalLine = Closed(
  {
    scheme: Text(),
    /** This year's capital programme for the scheme. */
    budget: Pence,
    fundingSource: Nullable(Text()),
  },
  { title: 'CapitalLine' },
);
export type CapitalLine = Shape<typeof CapitalLine>;

/** When and by which committee the draft was considered. */
export const AgreementConsidered = Closed(
  { committeeId: CommitteeId, date: LocalDate },
  { title: 'AgreementConsidered', description: 'When and by which committee it was considered.' },
);

/** When (and by which body) Cabinet approved it. */
export const AgreementApproved = Closed(
  { body: Text({ maxLength: 200 }), date: LocalDate },
  { title: 'AgreementApproved', description: 'When and by which body it was approved.' },
);

export const PortfolioAgreement = Closed(
  {
    portfolioCode: PortfolioCode,
    year: FinancialYear,
    status: AgreementStatus,
    /** When and by which committee the draft was considered. */
    considered: Nullable(AgreementConsidered),
    /** When Cabinet approved it. */
    approved: Nullable(AgreementApproved),
    priorities: List(Priority, { maxItems: 20 }),
    targets: List(MeasureTarget, { maxItems: 500 }),
    /** The cash limit is the sum of the lines (derived, see `cashLimit()`). */
    revenueBudget: List(RevenueBudgetLine, { description: 'The cash limit is their sum.' }),
    reserves: List(EarmarkedReserve),
    savings: List(SavingsLine),
    capital: List(CapitalLine),
  },
  { title: 'PortfolioAgreement' },
);
export type PortfolioAgreement = Shape<typeof PortfolioAgreement>;
