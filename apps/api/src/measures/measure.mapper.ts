import type {
  MeasureFrequency,
  MeasureUnit,
  PerformanceMeasure,
  Polarity,
} from '@scrutineer/domain';
import { measureCode, portfolioCode } from '@scrutineer/domain';
import type { MeasureResponseDto } from './dto/measure.dto.js';
import { MeasureEntity } from './measure.entity.js';

export const toDomain = (entity: MeasureEntity): PerformanceMeasure => ({
  code: measureCode(entity.code),
  portfolioCode: portfolioCode(entity.portfolioCode),
  title: entity.title,
  unit: entity.unit as MeasureUnit,
  polarity: entity.polarity as Polarity,
  frequency: entity.frequency as MeasureFrequency,
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

export const toResponse = (entity: MeasureEntity): MeasureResponseDto => ({
  code: entity.code,
  portfolioCode: entity.portfolioCode,
  title: entity.title,
  unit: entity.unit,
  polarity: entity.polarity,
  frequency: entity.frequency,
  source: entity.source,
  priorityNumber: entity.priorityNumber,
  decimals: entity.decimals,
  version: entity.version,
  createdAt: entity.createdAt,
  updatedAt: entity.updatedAt,
});
