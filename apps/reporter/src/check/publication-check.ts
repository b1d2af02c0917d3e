import {
  checkPublicationReadiness,
  type CouncilDataset,
  type Instant,
  type MeetingPublicationCheck,
  summarisePublicationCheck,
} from '@scrutineer/domain';
import type { Edition } from '../model/agenda-pack.model.js';
import { checkPackLayout, type PackLayoutCheckOptions } from './pack-layout-check.js';

/**
 * The whole pre-publication check of a meeting in `edition`: the domain's findings in the data
 * and the pack's layout findings, summarised by the domain. What `GET
 * /api/v1/meetings/{id}/publication-check` answers, what `POST …/agenda/publication` refuses on
 * and what `scrutineer-pack check` prints, so the three agree. `at` is when the agenda would be
 * published (now); a published agenda is judged at its recorded time.
 */
export const checkMeetingPublication = (
  dataset: CouncilDataset,
  meetingId: string,
  edition: Edition,
  at: Instant,
  options: PackLayoutCheckOptions = {},
): MeetingPublicationCheck =>
  summarisePublicationCheck(dataset, meetingId, edition, at, [
    ...checkPublicationReadiness(dataset, meetingId, {
      at,
      mayReadExempt: edition === 'confidential',
    }),
    ...checkPackLayout(dataset, meetingId, edition, options),
  ]);
