import type { MeasureResource, PerformanceMeasure } from '@scrutineer/domain';
import { measureCode, portfolioCode } from '@scrutineer/domain';
import { MeasureEntity } from './measure.entity.js';

export const toDomain = (entity: MeasureEntity): PerformanceMeasure => ({
  code: measureCode(entity.code),
  portfolioCode: portfolioCode(entity.portfolioCode),
  title: entity.title,
  unit: entity.unit as PerformanceMeasure['unit'],
  polarity: entity.polarity as PerformanceMeasure['polarity'],
  frequency: entity.frequency as PerformanceMeasure['frequency'],
  source: entity.source,
  priorityNumber: entity.priorityNumber,
  decimals: entity.decimals,
});

export const toPersistence = (measure: PerformanceMeasure): MeasureEntity =>
  Object.assign(new MeasureEntity(), {
    code: measure.code,
    portfolioCode: measure.portfolioCode,
    title: measure.title,
    unit: measure.unit,
    polarity: measure.polarity,
    frequency: measure.frequency,
    source: measure.source,
    priorityNumber: measure.priorityNumber,
    decimals: measure.decimals,
  });

export const toResponse = (entity: MeasureEntity): MeasureResource => ({
  ...toDomain(entity),
  version: entity.version,
  createdAt: entity.createdAt,
  updatedAt: entity.updatedAt,
});
