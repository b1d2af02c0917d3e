export type { Brand } from './brand.js';
export * from './errors.js';
export * from './missing.js';
export * from './model/index.js';
export * from './rules/dates.js';
export * from './rules/financial-year.js';
export {
  formatComparators,
  formatDecimal,
  formatMeasureValue,
  formatNatural,
  roundToDecimals,
} from './rules/measure-format.js';
export * from './rules/money.js';
export * from './rules/period.js';
export * from './rules/rag.js';
export * from './rules/trend.js';
export * from './rules/assessment.js';
export * from './rules/reported-result.js';
export * from './rules/withholding.js';
export * from './rules/search-text.js';
export * from './rules/content-coding.js';
export * from './rules/agenda-reports.js';
export * from './rules/list-label.js';
export * from './rules/numbering.js';
export * from './rules/minutes-record.js';
export * from './rules/region.js';
export * from './rules/schedule-12a.js';
export * from './rules/validation.js';
export * from './schema/published.js';
export * from './rules/document-validation/index.js';
export * from './rules/lifecycle.js';
export * from './rules/holidays.js';
export * from './rules/publication.js';
export * from './rules/publication-check.js';
export * from './rules/uk-time.js';
export * from './schema/kit.js';
export * from './schema/validate.js';
export * from './schema/components.js';
export { jsonPath, type Segment } from './schema/json-path.js';
export * from './contract/common.js';
export * from './contract/portfolio.js';
export * from './contract/meeting.js';
export * from './contract/agenda-item.js';
export * from './contract/file.js';
export * from './contract/meeting-document.js';
export * from './contract/import.js';
export * from './contract/authority.js';
export * from './contract/member.js';
export * from './contract/committee.js';
export * from './contract/open-data.js';
export * from './contract/officer-contact.js';
export * from './contract/declaration.js';
export * from './contract/audit-event.js';
export * from './contract/health.js';
export * from './contract/minute.js';
export * from './contract/resolution.js';
export * from './contract/action.js';
export * from './contract/measure.js';
export * from './contract/result.js';
export * from './contract/agreement.js';
export * from './contract/performance-report.js';
export * from './contract/search.js';
export * from './contract/publication-check.js';
export * from './rules/member-references.js';
export * from './rules/membership.js';
export * from './rules/consideration-order.js';
export * from './rules/attachment-checks.js';
export * from './rules/late-papers.js';
