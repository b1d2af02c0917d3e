import { agreementEntities } from '../agreements/agreement.entity.js';
import { ActionEntity } from '../actions/action.entity.js';
import { AgendaItemEntity } from '../agenda-items/agenda-item.entity.js';
import { ItemDocumentEntity } from '../agenda-items/item-document.entity.js';
import { AuditEventEntity } from '../audit/audit-event.entity.js';
import { AuthorityEntity } from '../authorities/authority.entity.js';
import { CommitteeMembershipEntity } from '../committees/committee-membership.entity.js';
import { CommitteeEntity } from '../committees/committee.entity.js';
import { DeclarationEntity } from '../declarations/declaration.entity.js';
import { MeetingEntity } from '../meetings/meeting.entity.js';
import { PackPublicationEntity } from '../meeting-documents/pack-publication.entity.js';
import { MemberEntity } from '../members/member.entity.js';
import { MinuteEntity } from '../minutes/minute.entity.js';
import { MotionEntity } from '../minutes/motion.entity.js';
import { ResolutionEntity } from '../resolutions/resolution.entity.js';
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
  AuthorityEntity,
  MemberEntity,
  CommitteeEntity,
  CommitteeMembershipEntity,
  MeetingEntity,
  AgendaItemEntity,
  ItemDocumentEntity,
  PackPublicationEntity,
  DeclarationEntity,
  MinuteEntity,
  MotionEntity,
  ActionEntity,
  ResolutionEntity,
  PortfolioEntity,
  OfficerContactEntity,
  MeasureEntity,
  ...agreementEntities,
  MeasureResultEntity,
  PerformanceReportEntity,
  ReportMoneyLineEntity,
];
