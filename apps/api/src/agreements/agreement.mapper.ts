import type {
  AgreementResource,
  AgreementStatus,
  AgreementSummaryResource,
  CommitteeId,
  LocalDate,
  MeasureTarget,
  MeasureUnit,
  PortfolioAgreement,
  Tolerance,
} from '@scrutineer/domain';
import {
  cashLimit,
  financialYear,
  isUnknown,
  measureCode,
  pence,
  portfolioCode,
  unknown,
} from '@scrutineer/domain';
import {
  AgreementCapitalLineEntity,
  AgreementEntity,
  AgreementPriorityEntity,
  AgreementReserveEntity,
  AgreementRevenueLineEntity,
  AgreementSavingsEntity,
  AgreementTargetEntity,
} from './agreement.entity.js';

const byPosition = <T extends { position: number }>(lines: readonly T[] | undefined): T[] =>
  [...(lines ?? [])].sort((a, b) => a.position - b.position);

const toleranceOf = (line: AgreementTargetEntity): Tolerance =>
  line.toleranceKind === 'absolute'
    ? { kind: 'absolute', amount: line.toleranceAmount ?? 0 }
    : line.toleranceKind === 'relative'
      ? { kind: 'relative', percent: line.toleranceAmount ?? 0 }
      : { kind: 'none' };

export const targetToDomain = (line: AgreementTargetEntity): MeasureTarget => ({
  measureCode: measureCode(line.measureCode),
  unit: line.unit as MeasureUnit,
  target: line.target === null ? unknown(line.targetUnknownReason ?? 'No target set') : line.target,
  tolerance: toleranceOf(line),
  toleranceRationale: line.toleranceRationale,
});

/** Needs the agreement loaded with all its lines (see AGREEMENT_RELATIONS). */
export const toDomain = (entity: AgreementEntity): PortfolioAgreement => ({
  portfolioCode: portfolioCode(entity.portfolioCode),
  year: financialYear(entity.year),
  status: entity.status as AgreementStatus,
  considered:
    entity.consideredCommitteeId === null || entity.consideredDate === null
      ? null
      : {
          committeeId: entity.consideredCommitteeId as CommitteeId,
          date: entity.consideredDate as LocalDate,
        },
  approved:
    entity.approvedBody === null || entity.approvedDate === null
      ? null
      : { body: entity.approvedBody, date: entity.approvedDate as LocalDate },
  priorities: byPosition(entity.priorities).map((p) => ({
    number: p.number,
    title: p.title,
    outcomes: p.outcomes,
  })),
  targets: byPosition(entity.targets).map(targetToDomain),
  revenueBudget: byPosition(entity.revenueBudget).map((line) => ({
    service: line.service,
    budget: pence(line.budget),
  })),
  reserves: byPosition(entity.reserves).map((line) => ({
    name: line.name,
    balance: pence(line.balance),
    plannedUse: line.plannedUse === null ? null : pence(line.plannedUse),
    purpose: line.purpose,
  })),
  savings: byPosition(entity.savings).map((line) => ({
    reference: line.reference,
    title: line.title,
    target: pence(line.target),
  })),
  capital: byPosition(entity.capital).map((line) => ({
    scheme: line.scheme,
    budget: pence(line.budget),
    fundingSource: line.fundingSource,
  })),
});

export type AgreementRows = {
  readonly agreement: AgreementEntity;
  readonly priorities: AgreementPriorityEntity[];
  readonly targets: AgreementTargetEntity[];
  readonly revenueBudget: AgreementRevenueLineEntity[];
  readonly reserves: AgreementReserveEntity[];
  readonly savings: AgreementSavingsEntity[];
  readonly capital: AgreementCapitalLineEntity[];
};

const line = <T>(
  Type: new () => T,
  agreementId: number,
  position: number,
  values: Omit<T, 'id' | 'agreementId' | 'position' | 'agreement'>,
): T => Object.assign(new Type() as object, { agreementId, position, ...values }) as T;

/** The agreement's own row (without id) and its lines for `agreementId`. */
export const toPersistence = (
  agreement: PortfolioAgreement,
  agreementId: number,
): AgreementRows => ({
  agreement: Object.assign(new AgreementEntity(), {
    portfolioCode: agreement.portfolioCode,
    year: agreement.year,
    status: agreement.status,
    consideredCommitteeId: agreement.considered?.committeeId ?? null,
    consideredDate: agreement.considered?.date ?? null,
    approvedBody: agreement.approved?.body ?? null,
    approvedDate: agreement.approved?.date ?? null,
  }),
  priorities: agreement.priorities.map((p, i) =>
    line(AgreementPriorityEntity, agreementId, i, {
      number: p.number,
      title: p.title,
      outcomes: [...p.outcomes],
    }),
  ),
  targets: agreement.targets.map((t, i) =>
    line(AgreementTargetEntity, agreementId, i, {
      measureCode: t.measureCode,
      unit: t.unit,
      target: isUnknown(t.target) ? null : t.target,
      targetUnknownReason: isUnknown(t.target) ? t.target.reason : null,
      toleranceKind: t.tolerance.kind,
      toleranceAmount:
        t.tolerance.kind === 'absolute'
          ? t.tolerance.amount
          : t.tolerance.kind === 'relative'
            ? t.tolerance.percent
            : null,
      toleranceRationale: t.toleranceRationale,
    }),
  ),
  revenueBudget: agreement.revenueBudget.map((r, i) =>
    line(AgreementRevenueLineEntity, agreementId, i, { service: r.service, budget: r.budget }),
  ),
  reserves: agreement.reserves.map((r, i) =>
    line(AgreementReserveEntity, agreementId, i, {
      name: r.name,
      balance: r.balance,
      plannedUse: r.plannedUse,
      purpose: r.purpose,
    }),
  ),
  savings: agreement.savings.map((s, i) =>
    line(AgreementSavingsEntity, agreementId, i, {
      reference: s.reference,
      title: s.title,
      target: s.target,
    }),
  ),
  capital: agreement.capital.map((c, i) =>
    line(AgreementCapitalLineEntity, agreementId, i, {
      scheme: c.scheme,
      budget: c.budget,
      fundingSource: c.fundingSource,
    }),
  ),
});

/** The server's fields of an agreement's row. */
const serverFields = (entity: AgreementEntity) => ({
  version: entity.version,
  createdAt: entity.createdAt,
  updatedAt: entity.updatedAt,
});

/** Reads only the agreement's own row (no lines needed). */
export const toSummary = (entity: AgreementEntity): AgreementSummaryResource => {
  const { portfolioCode, year, status, considered, approved } = toDomain(entity);
  return {
    id: entity.id,
    portfolioCode,
    year,
    status,
    considered,
    approved,
    ...serverFields(entity),
  };
};

/** Needs the agreement loaded with all its lines. */
export const toResponse = (entity: AgreementEntity): AgreementResource => {
  const agreement = toDomain(entity);
  return { id: entity.id, ...agreement, cashLimit: cashLimit(agreement), ...serverFields(entity) };
};
