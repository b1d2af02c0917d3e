// The sample council as the specs read it, and look-ups that fail loudly when something is missing.
import type { MeetingDocument, Minute } from '@scrutineer/domain';
import { findMeeting, loadSampleCouncil } from '../src/index.js';

export const dataset = loadSampleCouncil();

export const meeting = (id: string): MeetingDocument => {
  const found = findMeeting(dataset, id);
  if (found === undefined) throw new Error(`No meeting ${id}`);
  return found;
};

export const minuteOf = (document: MeetingDocument, ref: string): Minute => {
  const found = document.minutes?.minutes.find((m) => m.ref.text === ref);
  if (found === undefined) throw new Error(`No minute ${ref} in ${document.meeting.id}`);
  return found;
};
