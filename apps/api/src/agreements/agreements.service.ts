import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  AgreementInput,
  AgreementQuery,
  AgreementResource,
  AgreementSummaryResource,
  AgreementTransition,
  CommitteeId,
  PortfolioAgreement,
} from '@scrutineer/domain';
import {
  approveAgreement,
  assertAgreementEditable,
  checkTargetUnit,
  considerAgreement,
} from '@scrutineer/domain';
import { DataSource, type EntityManager, In } from 'typeorm';
import { diffChanges, hasChanges, recordAudit } from '../audit/audit.js';
import type { Caller } from '../auth/caller.js';
import {
  filterUpdatedSince,
  type Page,
  pageOf,
  pageWindow,
  parseSort,
} from '../common/pagination.js';
import { ApiError, type FieldProblem, notFound } from '../common/problem.js';
import { MeasureEntity } from '../measures/measure.entity.js';
import { toDomain as measureToDomain } from '../measures/measure.mapper.js';
import { assertCanWritePortfolio } from '../performance/access.js';
import { reassessMeasures } from '../performance/assessment-store.js';
import { assertPortfolioExists } from '../performance/references.js';
import { checkVersion, updateAtVersion } from '../common/concurrency.js';
import {
  AgreementCapitalLineEntity,
  AgreementEntity,
  AgreementPriorityEntity,
  AgreementReserveEntity,
  AgreementRevenueLineEntity,
  AgreementSavingsEntity,
  AgreementTargetEntity,
} from './agreement.entity.js';
import {
  type AgreementRows,
  toDomain,
  toPersistence,
  toResponse,
  toSummary,
} from './agreement.mapper.js';

const ENTITY = 'agreement';

export const AGREEMENT_RELATIONS = {
  priorities: true,
  targets: true,
  revenueBudget: true,
  reserves: true,
  savings: true,
  capital: true,
} as const;

const LINE_ENTITIES = [
  AgreementPriorityEntity,
  AgreementTargetEntity,
  AgreementRevenueLineEntity,
  AgreementReserveEntity,
  AgreementSavingsEntity,
  AgreementCapitalLineEntity,
] as const;

/** The agreement's content: what its officers write while it is a draft. */
const contentOf = (
  body: AgreementInput,
): Pick<
  PortfolioAgreement,
  'priorities' | 'targets' | 'revenueBudget' | 'reserves' | 'savings' | 'capital'
> => ({
  priorities: body.priorities,
  targets: body.targets,
  revenueBudget: body.revenueBudget,
  reserves: body.reserves,
  savings: body.savings,
  capital: body.capital,
});

/** A replaced agreement stays the same portfolio's agreement for the same year. */
const assertSameAgreement = (current: PortfolioAgreement, body: AgreementInput): void => {
  const problems: FieldProblem[] = [
    ...(body.portfolioCode === current.portfolioCode
      ? []
      : [{ path: '$.portfolioCode', message: `must stay ${current.portfolioCode}` }]),
    ...(body.year === current.year
      ? []
      : [{ path: '$.year', message: `must stay ${current.year}` }]),
  ];
  if (problems.length > 0) {
    throw new ApiError(
      'REQUEST.INVALID',
      'An agreement’s portfolio and year are fixed; draft a new agreement instead.',
      problems,
    );
  }
};

/** The field a step of the lifecycle needs: the committee that considered it, the body that approved it. */
const assertStepComplete = (body: AgreementTransition): void => {
  const field = body.to === 'considered' ? 'committeeId' : 'body';
  if (body[field] === undefined) {
    throw new ApiError('REQUEST.INVALID', `Recording "${body.to}" needs ${field}.`, [
      {
        path: `$.${field}`,
        message: `is required when to is ${body.to}`,
        code: 'VALIDATION.REQUIRED',
      },
    ]);
  }
};

/** Inserts the lines of an agreement (after its old lines were deleted, for a replace). */
export const insertAgreementLines = async (
  manager: EntityManager,
  rows: AgreementRows,
): Promise<void> => {
  const groups = [
    rows.priorities,
    rows.targets,
    rows.revenueBudget,
    rows.reserves,
    rows.savings,
    rows.capital,
  ];
  for (const [i, lines] of groups.entries()) {
    const target = LINE_ENTITIES[i];
    if (target !== undefined && lines.length > 0) await manager.insert(target, lines as never);
  }
};

@Injectable()
export class AgreementsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(query: AgreementQuery): Promise<Page<AgreementSummaryResource>> {
    const { limit, offset } = pageWindow(query);
    const builder = this.dataSource.getRepository(AgreementEntity).createQueryBuilder('agreement');
    if (query.portfolio !== undefined) {
      builder.andWhere('agreement.portfolioCode = :portfolio', { portfolio: query.portfolio });
    }
    if (query.year !== undefined) builder.andWhere('agreement.year = :year', { year: query.year });
    if (query.status !== undefined)
      builder.andWhere('agreement.status = :status', { status: query.status });
    filterUpdatedSince(builder, query, 'agreement.updatedAt');
    for (const order of parseSort(
      query.sort,
      { year: 'agreement.year', portfolio: 'agreement.portfolioCode', status: 'agreement.status' },
      [
        { column: 'agreement.year', direction: 'DESC' },
        { column: 'agreement.portfolioCode', direction: 'ASC' },
      ],
    )) {
      builder.addOrderBy(order.column, order.direction);
    }
    const [rows, total] = await builder.skip(offset).take(limit).getManyAndCount();
    return pageOf(rows.map(toSummary), total, query);
  }

  async get(id: number): Promise<AgreementResource> {
    return toResponse(await this.load(this.dataSource.manager, id));
  }

  /** A portfolio's agreement for a financial year in the domain's shape, or null when there is none. */
  async findDomain(portfolioCode: string, year: string): Promise<PortfolioAgreement | null> {
    const row = await this.dataSource.manager.findOne(AgreementEntity, {
      where: { portfolioCode, year },
      relations: AGREEMENT_RELATIONS,
      // One query per list of lines: joining six one-to-many lists would multiply their rows.
      relationLoadStrategy: 'query',
    });
    return row === null ? null : toDomain(row);
  }

  async create(caller: Caller, body: AgreementInput): Promise<AgreementResource> {
    assertCanWritePortfolio(caller, body.portfolioCode);
    const agreement: PortfolioAgreement = {
      portfolioCode: body.portfolioCode,
      year: body.year,
      status: 'draft',
      considered: null,
      approved: null,
      ...contentOf(body),
    };
    const id = await this.dataSource.transaction(async (manager) => {
      await assertPortfolioExists(manager, body.portfolioCode, '$.portfolioCode');
      await this.checkTargets(manager, agreement);
      if (
        await manager.existsBy(AgreementEntity, {
          portfolioCode: body.portfolioCode,
          year: body.year,
        })
      ) {
        throw new ApiError(
          'RESOURCE.ALREADY_EXISTS',
          `Portfolio ${body.portfolioCode} already has an agreement for ${body.year}.`,
          [{ path: '$.year', message: 'the portfolio already has an agreement for this year' }],
        );
      }
      const saved = await manager.save(AgreementEntity, toPersistence(agreement, 0).agreement);
      await insertAgreementLines(manager, toPersistence(agreement, saved.id));
      await reassessMeasures(
        manager,
        agreement.targets.map((t) => t.measureCode),
      );
      await recordAudit(manager, caller, {
        entity: ENTITY,
        entityId: String(saved.id),
        action: 'create',
        changes: { ...body },
      });
      return saved.id;
    });
    return this.get(id);
  }

  async replace(
    caller: Caller,
    id: number,
    version: number,
    body: AgreementInput,
  ): Promise<AgreementResource> {
    await this.dataSource.transaction(async (manager) => {
      const before = await this.loadForChange(manager, caller, id, version);
      const current = toDomain(before);
      assertAgreementEditable(current);
      assertSameAgreement(current, body);
      const diff = diffChanges({ ...current }, { ...contentOf(body) });
      if (!hasChanges(diff)) return;
      const next: PortfolioAgreement = { ...current, ...contentOf(body) };
      await this.checkTargets(manager, next);
      for (const target of LINE_ENTITIES) await manager.delete(target, { agreementId: id });
      await insertAgreementLines(manager, toPersistence(next, id));
      await updateAtVersion(
        manager,
        AgreementEntity,
        ENTITY,
        { column: 'id', value: id },
        version,
        {},
      );
      await reassessMeasures(manager, [
        ...current.targets.map((t) => t.measureCode),
        ...next.targets.map((t) => t.measureCode),
      ]);
      await recordAudit(manager, caller, {
        entity: ENTITY,
        entityId: String(id),
        action: 'update',
        changes: diff,
      });
    });
    return this.get(id);
  }

  async transition(
    caller: Caller,
    id: number,
    version: number,
    body: AgreementTransition,
  ): Promise<AgreementResource> {
    assertStepComplete(body);
    await this.dataSource.transaction(async (manager) => {
      const before = await this.loadForChange(manager, caller, id, version, ['clerk']);
      const current = toDomain(before);
      const { date } = body;
      const next =
        body.to === 'considered'
          ? considerAgreement(current, {
              committeeId: body.committeeId ?? ('' as CommitteeId),
              date,
            })
          : approveAgreement(current, { body: body.body ?? '', date });
      const changes = {
        status: next.status,
        consideredCommitteeId: next.considered?.committeeId ?? null,
        consideredDate: next.considered?.date ?? null,
        approvedBody: next.approved?.body ?? null,
        approvedDate: next.approved?.date ?? null,
      };
      await updateAtVersion(
        manager,
        AgreementEntity,
        ENTITY,
        { column: 'id', value: id },
        version,
        changes,
      );
      await recordAudit(manager, caller, {
        entity: ENTITY,
        entityId: String(id),
        action: body.to === 'considered' ? 'consider' : 'approve',
        changes: diffChanges({ ...before }, changes),
      });
    });
    return this.get(id);
  }

  async remove(caller: Caller, id: number, version: number): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const before = await this.loadForChange(manager, caller, id, version);
      const current = toDomain(before);
      assertAgreementEditable(current);
      await manager.delete(AgreementEntity, { id });
      await reassessMeasures(
        manager,
        current.targets.map((t) => t.measureCode),
      );
      await recordAudit(manager, caller, {
        entity: ENTITY,
        entityId: String(id),
        action: 'delete',
        changes: { ...toSummary(before) },
      });
    });
  }

  private async load(manager: EntityManager, id: number): Promise<AgreementEntity> {
    const row = await manager.findOne(AgreementEntity, {
      where: { id },
      relations: AGREEMENT_RELATIONS,
      // One query per list of lines: joining six one-to-many lists would multiply their rows.
      relationLoadStrategy: 'query',
    });
    if (row === null) throw notFound(ENTITY, String(id));
    return row;
  }

  /** 404, then 403 (officer of another portfolio), then 412 (stale version). */
  private async loadForChange(
    manager: EntityManager,
    caller: Caller,
    id: number,
    version: number,
    alsoAllowed: readonly Caller['role'][] = [],
  ): Promise<AgreementEntity> {
    const row = await manager.findOne(AgreementEntity, {
      where: { id },
      relations: AGREEMENT_RELATIONS,
      // One query per list of lines: joining six one-to-many lists would multiply their rows.
      relationLoadStrategy: 'query',
    });
    if (row === null) throw notFound(ENTITY, String(id));
    if (!alsoAllowed.includes(caller.role)) assertCanWritePortfolio(caller, row.portfolioCode);
    return checkVersion(row, ENTITY, id, version);
  }

  /** Every target names a measure of the agreement's portfolio, once, in that measure's unit. */
  private async checkTargets(manager: EntityManager, agreement: PortfolioAgreement): Promise<void> {
    const codes = agreement.targets.map((t) => t.measureCode);
    const measures = new Map(
      (codes.length === 0 ? [] : await manager.findBy(MeasureEntity, { code: In(codes) })).map(
        (m) => [m.code, m],
      ),
    );
    const seen = new Set<string>();
    const problems: FieldProblem[] = [];
    agreement.targets.forEach((target, i) => {
      const path = `$.targets[${i}]`;
      const measure = measures.get(target.measureCode);
      if (seen.has(target.measureCode)) {
        problems.push({
          path: `${path}.measureCode`,
          message: `${target.measureCode} has more than one target`,
        });
      }
      seen.add(target.measureCode);
      if (measure === undefined) {
        problems.push({
          path: `${path}.measureCode`,
          message: `there is no measure ${target.measureCode}`,
        });
      } else if (measure.portfolioCode !== agreement.portfolioCode) {
        problems.push({
          path: `${path}.measureCode`,
          message: `${target.measureCode} belongs to portfolio ${measure.portfolioCode}, not ${agreement.portfolioCode}`,
        });
      } else {
        problems.push(
          ...checkTargetUnit(target, measureToDomain(measure), `${path}.unit`).map((p) => ({
            path: p.path,
            message: p.message,
            code: p.code,
          })),
        );
      }
    });
    if (problems.length > 0) {
      throw new ApiError(
        'REQUEST.INVALID',
        `The agreement's targets have ${problems.length} problem(s).`,
        problems,
      );
    }
  }
}
