import type { Authority, Committee, CouncilDataset, MeetingDocument } from '@scrutineer/domain';
import { ReporterError } from '../errors.js';

export type MeetingContext = {
  readonly document: MeetingDocument;
  readonly committee: Committee;
  readonly authority: Authority;
};

/** The meeting with its committee and authority; a clear error when any is missing. */
export const findMeeting = (dataset: CouncilDataset, meetingId: string): MeetingContext => {
  const document = dataset.meetings.find((candidate) => candidate.meeting.id === meetingId);
  if (!document) {
    throw new ReporterError(
      'REPORTER.MEETING_NOT_FOUND',
      `No meeting with id "${meetingId}" in the data set.`,
      {
        meetingId,
        known: dataset.meetings.map((candidate) => candidate.meeting.id).slice(0, 20),
      },
    );
  }
  const committee = dataset.committees.find(
    (candidate) => candidate.id === document.meeting.committeeId,
  );
  if (!committee) {
    throw new ReporterError(
      'REPORTER.INCONSISTENT_DATA',
      `Meeting "${meetingId}" belongs to committee "${document.meeting.committeeId}", which the data set does not hold.`,
      { meetingId, committeeId: document.meeting.committeeId },
    );
  }
  return {
    document,
    committee,
    authority: findAuthority(dataset, committee.authorityId, `committee "${committee.id}"`),
  };
};

export const findAuthority = (
  dataset: CouncilDataset,
  authorityId: string,
  owner: string,
): Authority => {
  const authority = dataset.authorities.find((candidate) => candidate.id === authorityId);
  if (!authority) {
    throw new ReporterError(
      'REPORTER.INCONSISTENT_DATA',
      `The authority "${authorityId}" of ${owner} is not in the data set.`,
      {
        authorityId,
      },
    );
  }
  return authority;
};
