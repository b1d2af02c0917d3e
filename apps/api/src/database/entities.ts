import { agreementEntities } from '../agreements/agreement.entity.js';
import { AuditEventEntity } from '../audit/audit-event.entity.js';
import { MeasureEntity } from '../measures/measure.entity.js';
import { OfficerContactEntity } from '../officer-contacts/officer-contact.entity.js';
import { PortfolioEntity } from '../portfolios/portfolio.entity.js';
import {
  PerformanceReportEntity,
  ReportMoneyLineEntity,
} from '../performance-reports/performance-report.entity.js';
import { MeasureResultEntity } from '../results/measure-result.entity.js';
import { ApiTokenEntity } from '../tokens/api-token.entity.js';

/** Every TypeORM entity of the app. Each feature module registers its own with `forFeature`; add it here too. */
export const entities = [
  ApiTokenEntity,
  AuditEventEntity,
  PortfolioEntity,
  OfficerContactEntity,
  MeasureEntity,
  ...agreementEntities,
  MeasureResultEntity,
  PerformanceReportEntity,
  ReportMoneyLineEntity,
];
