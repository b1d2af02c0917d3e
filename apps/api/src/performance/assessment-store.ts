import type { MeasureResult, MeasureTarget, ResultAssessment } from '@scrutineer/domain';
import { assessMeasureResults, periodCode } from '@scrutineer/domain';
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
): Promise<Map<string, Map<string, MeasureTarget>>> => {
  const rows = await manager
    .createQueryBuilder(AgreementTargetEntity, 'target')
    .innerJoin(AgreementEntity, 'agreement', 'agreement.id = target.agreementId')
    .addSelect('agreement.year', 'agreement_year')
    .where('target.measureCode IN (:...codes)', { codes: measureCodes })
    .getRawAndEntities<{ agreement_year: string }>();
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
 * every result of the measure and must see the other write's. (A row lock on the results
 * cache's token used to queue every performance write, for any measure; see database/data-generations.ts.)
 * Transaction-scoped advisory locks, taken in code order so two writers never wait for each
 * other in a cycle. SQLite runs one transaction at a time (database/serialised-transactions.ts).
 */
const lockMeasures = async (manager: EntityManager, codes: readonly string[]): Promise<void> => {
  if (manager.connection.options.type !== 'postgres' || codes.length === 0) return;
  await manager.query(
    `SELECT pg_advisory_xact_lock(hashtext('scrutineer.measure:' || "code"))
     FROM (SELECT DISTINCT unnest($1::text[]) AS "code" ORDER BY 1) AS "codes"`,
    [[...codes]],
  );
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
    if (assessment === undefined) continue;
    const columns = assessmentColumns(assessment);
    const changed = (Object.keys(columns) as (keyof typeof columns)[]).some(
      (column) => row[column] !== columns[column],
    );
    // A derived value, not the officer's content: it does not bump the result's version.
    if (changed) await manager.update(MeasureResultEntity, { id: row.id }, columns);
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
 * `reassessMeasures` for one new result of a measure the caller has already read (the write path
 * of `POST /results`, in as few statements as it can: docs/benchmarks.md). The measure's results
 * are read once, after its lock, and serve both to see whether the period already has a result
 * (then `exists`, nothing written) and to reassess.
 */
export const assessNewResult = async (
  manager: EntityManager,
  measureRow: MeasureEntity,
  result: MeasureResult,
): Promise<
  { readonly exists: true } | { readonly exists: false; readonly assessment: ResultAssessment }
> => {
  await lockMeasures(manager, [measureRow.code]);
  const rows = await manager.findBy(MeasureResultEntity, { measureCode: measureRow.code });
  const code = periodCode(result.period);
  if (rows.some((row) => row.periodCode === code)) return { exists: true };
  await invalidateResultsCache(manager);
  const targets = await loadTargets(manager, [measureRow.code]);
  const into = new Map<string, ResultAssessment>();
  await reassessOne(
    manager,
    measureRow,
    targets.get(measureRow.code) ?? new Map(),
    rows,
    [result],
    into,
  );
  const assessment = into.get(key(measureRow.code, code));
  if (assessment === undefined) throw new Error(`No assessment for ${measureRow.code} ${code}`);
  return { exists: false, assessment };
};

export const pendingKey = key;
