/** The agreements resource: `/api/v1/agreements` (Portfolio Performance and Resource Agreements). */
import { AgreementStatus, PortfolioAgreement } from '../model/agreement.js';
import { CommitteeId, PortfolioCode } from '../model/people.js';
import { FinancialYear, LocalDate } from '../model/time.js';
import { Closed, ReadOnly, StringEnum, Text, Type, type Shape } from '../schema/kit.js';
import { ListQuery, Page, Resource } from './common.js';
import { NumericId, NumericIdParam } from './result.js';

const { properties: agreement } = PortfolioAgreement;

/** What the lifecycle owns: set by `POST /agreements/{id}/transitions`, never by a body. */
const LIFECYCLE = {
  status: ReadOnly(agreement.status),
  considered: ReadOnly(agreement.considered),
  approved: ReadOnly(agreement.approved),
} as const;

/**
 * An agreement as stored. A body sends the content (priorities, targets and money lines) and,
 * when creating, the portfolio and year; the status and its dates move only by transitions.
 */
export const AgreementResource = Resource(
  'AgreementResource',
  {
    id: ReadOnly(NumericId('The agreement’s id.')),
    ...agreement,
    ...LIFECYCLE,
    cashLimit: ReadOnly(
      Type.Integer({
        minimum: Number.MIN_SAFE_INTEGER,
        maximum: Number.MAX_SAFE_INTEGER,
        description: 'The sum of the revenue budget lines, in pence (derived).',
      }),
    ),
  },
  'A portfolio’s agreement for a year: the domain’s PortfolioAgreement, its cash limit, and the server’s id, version and timestamps.',
);
export type AgreementResource = Shape<typeof AgreementResource>;

/** An agreement in a list: its header, without its lines. */
export const AgreementSummaryResource = Resource('AgreementSummaryResource', {
  id: ReadOnly(NumericId('The agreement’s id.')),
  portfolioCode: agreement.portfolioCode,
  year: agreement.year,
  ...LIFECYCLE,
});
export type AgreementSummaryResource = Shape<typeof AgreementSummaryResource>;

export const AgreementPage = Page(AgreementSummaryResource);
export type AgreementPage = Shape<typeof AgreementPage>;

export const AGREEMENT_STEPS = ['considered', 'approved'] as const;
/** A step of the lifecycle: the committee considered the draft, or Cabinet approved it. */
export const AgreementTransition = Closed(
  {
    to: StringEnum(AGREEMENT_STEPS, { description: 'The status to move to.' }),
    date: LocalDate,
    committeeId: Type.Optional(CommitteeId),
    body: Type.Optional(
      Text({ maxLength: 200, description: 'For `approved`: the body that approved it.' }),
    ),
  },
  {
    title: 'AgreementTransition',
    description:
      'Recording a step of the lifecycle: `considered` needs `committeeId` (the scrutiny committee), `approved` needs `body` (e.g. `Cabinet`).',
  },
);
export type AgreementTransition = Shape<typeof AgreementTransition>;

/** The sort fields of the agreements list (the service's parseSort allows exactly these). */
export const AGREEMENT_SORTS = ['year', 'portfolio', 'status'] as const;
export const AgreementQuery = ListQuery(AGREEMENT_SORTS, {
  portfolio: Type.Optional(PortfolioCode),
  year: Type.Optional(FinancialYear),
  status: Type.Optional(AgreementStatus),
});
export type AgreementQuery = Shape<typeof AgreementQuery>;

export const AgreementParams = NumericIdParam('The agreement’s id.');

/** What a POST or PUT body holds once the server's fields are stripped: the agreement's content, portfolio and year. */
export type AgreementInput = Omit<PortfolioAgreement, 'status' | 'considered' | 'approved'>;
