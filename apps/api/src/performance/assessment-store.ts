import type { MeasureResult, MeasureTarget, ResultAssessment } from '@scrutineer/domain';
import {
  assessAround,
  assessMeasureResults,
  periodCode,
  periodsAround,
  targetYear,
} from '@scrutineer/domain';
import { In, type EntityManager } from 'typeorm';
import { AgreementEntity, AgreementTargetEntity } from '../agreements/agreement.entity.js';
import { targetToDomain } from '../agreements/agreement.mapper.js';
import { MeasureEntity } from '../measures/measure.entity.js';
import { invalidateResultsCache } from '../database/data-generations.js';
import { toDomain as measureToDomain } from '../measures/measure.mapper.js';
import { MeasureResultEntity } from '../results/measure-result.entity.js';
import { assessmentColumns, toDomain as resultToDomain } from '../results/measure-result.mapper.js';

/*
 * RAG and trend are the domain's (`assessMeasureResults`: comparison basis, target year and the
 * two rules). They are stored with each result so lists can filter and sort by RAG with an index,
 * and documents print what is stored (ADR007); this module keeps them current. Whatever can
 * change an assessment (the result, its measure, the target for its year, the previous
 * period's result) calls `reassessMeasures` for the measures it touched, in the same transaction.
 */

/** Every year's target for each of the measures, keyed by measure code then year. */
export const loadTargets = async (
  manager: EntityManager,
  measureCodes: readonly string[],
  years?: readonly string[],
): Promise<Map<string, Map<string, MeasureTarget>>> => {
  const query = manager
    .createQueryBuilder(AgreementTargetEntity, 'target')
    .innerJoin(AgreementEntity, 'agreement', 'agreement.id = target.agreementId')
    .addSelect('agreement.year', 'agreement_year')
    .where('target.measureCode IN (:...codes)', { codes: measureCodes });
  if (years !== undefined) query.andWhere('agreement.year IN (:...years)', { years });
  const rows = await query.getRawAndEntities<{ agreement_year: string }>();
  const targets = new Map<string, Map<string, MeasureTarget>>();
  rows.entities.forEach((entity, i) => {
    const year = rows.raw[i]?.agreement_year;
    if (year === undefined) return;
    const forMeasure = targets.get(entity.measureCode) ?? new Map<string, MeasureTarget>();
    forMeasure.set(year, targetToDomain(entity));
    targets.set(entity.measureCode, forMeasure);
  });
  return targets;
};

const key = (measureCode: string, code: string): string => `${measureCode} ${code}`;

/**
 * On PostgreSQL, writes that reassess the same measure wait for each other: a reassessment reads
 * the measure's results and must see the other write's. (A row lock on the results cache's
 * token used to queue every performance write, for any measure; see database/data-generations.ts.)
 * The lock is the measure's own row (FOR NO KEY UPDATE: a result's foreign key check, FOR KEY
 * SHARE, does not wait for it), taken in code order so two writers never wait for each other in
 * a cycle. Whatever is read after it, in a later statement (READ COMMITTED: a statement's snapshot
 * is taken when it starts), includes what the write before committed. SQLite runs one
 * transaction at a time (database/serialised-transactions.ts).
 */
const lockMeasures = async (manager: EntityManager, codes: readonly string[]): Promise<void> => {
  if (manager.connection.options.type !== 'postgres' || codes.length === 0) return;
  await manager.query(
    `SELECT "code" FROM "measures" WHERE "code" = ANY($1::text[]) ORDER BY "code" FOR NO KEY UPDATE`,
    [[...new Set(codes)]],
  );
};

/**
 * The measure a write will reassess, read and (on PostgreSQL) locked in one statement, as
 * `lockMeasures` locks it; null if there is none. The measure's row is read as the lock returns
 * it: if the write before changed it, its committed version.
 */
export const lockMeasure = (
  manager: EntityManager,
  code: string,
): Promise<MeasureEntity | null> => {
  const query = manager
    .createQueryBuilder(MeasureEntity, 'measure')
    .where('measure.code = :code', { code });
  if (manager.connection.options.type === 'postgres') query.setLock('for_no_key_update');
  return query.getOne();
};

/** Stores a result's new assessment if it differs from the stored one. */
const saveIfChanged = async (
  manager: EntityManager,
  row: MeasureResultEntity,
  assessment: ResultAssessment,
): Promise<void> => {
  const columns = assessmentColumns(assessment);
  const changed = (Object.keys(columns) as (keyof typeof columns)[]).some(
    (column) => row[column] !== columns[column],
  );
  // A derived value, not the officer's content: it does not bump the result's version.
  if (changed) await manager.update(MeasureResultEntity, { id: row.id }, columns);
};

/**
 * Re-derives the RAG and trend of one measure's stored results (`rows`) with `pending` results
 * about to be inserted, saves those that changed, and returns the pending ones' assessments.
 */
const reassessOne = async (
  manager: EntityManager,
  measureRow: MeasureEntity,
  targets: ReadonlyMap<string, MeasureTarget>,
  rows: readonly MeasureResultEntity[],
  pending: readonly MeasureResult[],
  into: Map<string, ResultAssessment>,
): Promise<void> => {
  const assessments = assessMeasureResults(measureToDomain(measureRow), new Map(targets), [
    ...rows.map(resultToDomain),
    ...pending,
  ]);
  for (const result of pending) {
    const code = periodCode(result.period);
    const assessment = assessments.get(code);
    if (assessment !== undefined) into.set(key(measureRow.code, code), assessment);
  }
  for (const row of rows) {
    const assessment = assessments.get(row.periodCode);
    if (assessment !== undefined) await saveIfChanged(manager, row, assessment);
  }
};

/**
 * Re-derives the stored RAG and trend of every result of these measures and saves those that
 * changed. `pending` are results about to be inserted: they take part (a new Q3 changes Q4's
 * trend) and their assessments are returned, keyed by `measureCode periodCode`, for the insert.
 */
export const reassessMeasures = async (
  manager: EntityManager,
  measureCodes: Iterable<string>,
  pending: readonly MeasureResult[] = [],
): Promise<Map<string, ResultAssessment>> => {
  const codes = [...new Set([...measureCodes, ...pending.map((result) => result.measureCode)])];
  // Every write that can change a result comes through here: cached pages of results are stale
  // once it commits.
  await invalidateResultsCache(manager);
  const pendingAssessments = new Map<string, ResultAssessment>();
  if (codes.length === 0) return pendingAssessments;
  await lockMeasures(manager, codes);
  const measures = await manager.findBy(MeasureEntity, { code: In(codes) });
  const targets = await loadTargets(manager, codes);
  for (const measureRow of measures) {
    const rows = await manager.findBy(MeasureResultEntity, { measureCode: measureRow.code });
    await reassessOne(
      manager,
      measureRow,
      targets.get(measureRow.code) ?? new Map(),
      rows,
      pending.filter((result) => result.measureCode === measureRow.code),
      pendingAssessments,
    );
  }
  return pendingAssessments;
};

/**
 * The write path of `POST /results`, in as few statements as it can (docs/benchmarks.md): for
 * one new result of a measure the caller has read with `lockMeasure`. Only the results of the
 * periods around the new one are read (`periodsAround`: the one it compares with, its own, the
 * one that compares with it) and only the later one's assessment can change (`assessAround`;
 * the same as reassessing the measure's whole history, as assessment.spec.ts proves). The
 * result of its own period, if any, means it `exists` and nothing is written.
 */
export const assessNewResult = async (
  manager: EntityManager,
  measureRow: MeasureEntity,
  result: MeasureResult,
): Promise<
  { readonly exists: true } | { readonly exists: false; readonly assessment: ResultAssessment }
> => {
  const measure = measureToDomain(measureRow);
  const around = periodsAround(measure, result.period);
  const rows = await manager.findBy(MeasureResultEntity, {
    measureCode: measureRow.code,
    periodCode: In(around.map(periodCode)),
  });
  const code = periodCode(result.period);
  if (rows.some((row) => row.periodCode === code)) return { exists: true };
  await invalidateResultsCache(manager);
  const targets = await loadTargets(
    manager,
    [measureRow.code],
    [...new Set(around.map(targetYear))],
  );
  const changed = assessAround(
    measure,
    targets.get(measureRow.code) ?? new Map(),
    rows.map(resultToDomain),
    result,
  );
  for (const row of rows) {
    const assessment = changed.get(row.periodCode);
    if (assessment !== undefined) await saveIfChanged(manager, row, assessment);
  }
  const assessment = changed.get(code);
  if (assessment === undefined) throw new Error(`No assessment for ${measureRow.code} ${code}`);
  return { exists: false, assessment };
};

export const pendingKey = key;
