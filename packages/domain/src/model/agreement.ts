import type { Pence } from './money.js';
import type { CommitteeId, PortfolioCode } from './people.js';
import type { MeasureTarget } from './performance.js';
import type { FinancialYear, LocalDate } from './time.js';

/** Draft → considered (by the scrutiny committee) → approved (by Cabinet). Approved is final. */
export type AgreementStatus = 'draft' | 'considered' | 'approved';

export type Priority = {
  /** 1-based, as the council numbers them ("Priority Two"). */
  readonly number: number;
  readonly title: string;
  readonly outcomes: readonly string[];
};

export type RevenueBudgetLine = {
  /** The service or division, e.g. `Children's Social Care`. */
  readonly service: string;
  readonly budget: Pence;
};

export type EarmarkedReserve = {
  readonly name: string;
  /** Balance at the start of the year. */
  readonly balance: Pence;
  /** Planned use in the year; null when the agreement does not plan one. */
  readonly plannedUse: Pence | null;
  readonly purpose: string | null;
};

export type SavingsLine = {
  readonly reference: string | null;
  readonly title: string;
  readonly target: Pence;
};

export type CapitalLine = {
  readonly scheme: string;
  /** This year's capital programme for the scheme. */
  readonly budget: Pence;
  readonly fundingSource: string | null;
};

export type PortfolioAgreement = {
  readonly portfolioCode: PortfolioCode;
  readonly year: FinancialYear;
  readonly status: AgreementStatus;
  /** When and by which committee the draft was considered. */
  readonly considered: { readonly committeeId: CommitteeId; readonly date: LocalDate } | null;
  /** When Cabinet approved it. */
  readonly approved: { readonly body: string; readonly date: LocalDate } | null;
  readonly priorities: readonly Priority[];
  readonly targets: readonly MeasureTarget[];
  /** The cash limit is the sum of the lines (derived, see `cashLimit()`). */
  readonly revenueBudget: readonly RevenueBudgetLine[];
  readonly reserves: readonly EarmarkedReserve[];
  readonly savings: readonly SavingsLine[];
  readonly capital: readonly CapitalLine[];
};
