import {
  checkPublication,
  regionOfAuthority,
  type Instant,
  type LocalDate,
} from '@scrutineer/domain';
import type { AuthorityEntity } from '../authorities/authority.entity.js';

export type PublicationAssessment = {
  readonly isOnTime: boolean;
  readonly deadline: string;
  readonly clearDays: number;
  readonly explanation: string;
};

/** The domain's five-clear-days rule, for the authority's region and closure days. */
export const assessPublication = (
  meetingDate: LocalDate,
  publishedAt: string,
  authority: AuthorityEntity,
): PublicationAssessment => {
  const check = checkPublication(publishedAt as Instant, meetingDate, {
    region: regionOfAuthority(authority),
    closureDays: authority.closureDays as LocalDate[],
  });
  return {
    isOnTime: check.isOnTime,
    deadline: check.lastPublicationDate,
    clearDays: check.clearDaysGiven,
    explanation: check.explanation,
  };
};
