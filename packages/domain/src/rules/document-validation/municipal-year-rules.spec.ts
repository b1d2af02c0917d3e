import type { CouncilDataset, MeetingDocument, MinutesOfMeeting } from '../../model/index.js';
import { numberMinutes } from '../numbering.js';
import { parseCouncilDataset } from './parse.js';
import { changed, pathsAndCodes, problemsOf } from '../../../test/document-edits.js';
import { stockportDataset, westSussexMeeting } from '../../../test/fixtures/documents.js';

describe(parseCouncilDataset.name, () => {
  describe('minutes through the municipal year', () => {
    /** Two minuted meetings of Stockport's committee: 17 November 2021 (minutes 32–35) and a later one numbered from `first`. */
    const minutedDataset = (later: {
      date: string;
      first: number;
      amendment?: string;
    }): CouncilDataset => {
      const dataset = stockportDataset();
      const november: MeetingDocument = {
        ...westSussexMeeting(),
        meeting: {
          ...westSussexMeeting().meeting,
          id: 'november' as never,
          committeeId: 'cfs-scrutiny' as never,
        },
      };
      const minutes = november.minutes as MinutesOfMeeting;
      const renumbered = numberMinutes(minutes.minutes, later.first, '').map((minute) =>
        minute.previousMinutes === null
          ? minute
          : {
              ...minute,
              previousMinutes: {
                meetingDate: november.meeting.date,
                amendments: [{ minuteRef: later.amendment ?? '33', text: 'Correct the figure.' }],
              },
            },
      );
      const laterMeeting: MeetingDocument = {
        ...november,
        meeting: { ...november.meeting, id: 'later' as never, date: later.date as never },
        minutes: { ...minutes, status: 'draft', approvedOn: null, minutes: renumbered },
      };
      // Listed out of date order on purpose: the rule sorts by meeting date.
      return { ...dataset, meetings: [laterMeeting, ...dataset.meetings, november] };
    };

    it('accepts numbers that continue from the previous meeting and amendments of its minutes', () => {
      expect(parseCouncilDataset(minutedDataset({ date: '2022-01-13', first: 36 })).ok).toBe(true);
    });

    it('starts again in a new municipal year (Stockport’s starts on 20 May)', () => {
      expect(parseCouncilDataset(minutedDataset({ date: '2022-06-08', first: 1 })).ok).toBe(true);
      const sameYear = problemsOf(
        parseCouncilDataset(minutedDataset({ date: '2022-05-19', first: 1 })),
      );
      expect(sameYear).toContainEqual({
        path: '$.meetings[0].minutes.minutes[0].ref.sequence',
        code: 'VALIDATION.OUT_OF_ORDER',
        message:
          'Minutes are numbered through the municipal year 2021/22: minute 1 of 2022-05-19 must come after minute 35 of 2021-11-17',
        value: 1,
      });
      expect(sameYear).toHaveLength(4);
    });

    it('requires the authority’s prefix', () => {
      const dataset = changed(minutedDataset({ date: '2022-01-13', first: 36 }), [
        ['authorities', 0, 'style', 'minutePrefix'],
        'OS.',
      ]);
      const problems = problemsOf(parseCouncilDataset(dataset));
      expect(problems).toHaveLength(8);
      expect(problems[0]).toEqual({
        path: '$.meetings[2].minutes.minutes[0].ref.text',
        code: 'VALIDATION.MISMATCH',
        message: 'Stockport prefixes minute numbers with "OS.", but minute 32 has ""',
        value: '32',
      });
    });

    it('requires an amendment to name a minute of the previous meeting', () => {
      expect(
        problemsOf(
          parseCouncilDataset(minutedDataset({ date: '2022-01-13', first: 36, amendment: '31' })),
        ),
      ).toEqual([
        {
          path: '$.meetings[0].minutes.minutes[0].previousMinutes.amendments[0].minuteRef',
          code: 'VALIDATION.UNKNOWN_REFERENCE',
          message: 'The minutes of 2021-11-17 have no minute 31 to amend',
          value: '31',
        },
      ]);
    });

    it('cannot check amendments of a meeting it holds without minutes, or leaves out', () => {
      const unminuted = changed(
        minutedDataset({ date: '2022-01-13', first: 36, amendment: '31' }),
        [['meetings', 0, 'minutes', 'minutes', 0, 'previousMinutes', 'meetingDate'], '2021-11-16'],
      );
      expect(parseCouncilDataset(unminuted).ok).toBe(true);
      const undated = changed(minutedDataset({ date: '2022-01-13', first: 36, amendment: '31' }), [
        ['meetings', 0, 'minutes', 'minutes', 0, 'previousMinutes', 'meetingDate'],
        null,
      ]);
      expect(parseCouncilDataset(undated).ok).toBe(true);
    });

    it('skips what other rules already report: an unreadable reference, an unknown committee, empty minutes', () => {
      const badRef = changed(minutedDataset({ date: '2022-01-13', first: 36 }), [
        ['meetings', 0, 'minutes', 'minutes', 3, 'ref', 'text'],
        'x',
      ]);
      expect(pathsAndCodes(problemsOf(parseCouncilDataset(badRef)))).toEqual([
        { path: '$.meetings[0].minutes.minutes[3].ref.text', code: 'VALIDATION.INVALID_VALUE' },
      ]);
      const unknownCommittee = changed(minutedDataset({ date: '2022-01-13', first: 36 }), [
        ['meetings', 2, 'meeting', 'committeeId'],
        'nowhere',
      ]);
      expect(pathsAndCodes(problemsOf(parseCouncilDataset(unknownCommittee)))).toEqual([
        { path: '$.meetings[2].meeting.committeeId', code: 'VALIDATION.UNKNOWN_REFERENCE' },
      ]);
      const empty = changed(minutedDataset({ date: '2022-01-13', first: 1 }), [
        ['meetings', 2, 'minutes', 'minutes'],
        [],
      ]);
      expect(parseCouncilDataset(empty).ok).toBe(false); // the amendment of minute 33 no longer resolves
      expect(pathsAndCodes(problemsOf(parseCouncilDataset(empty)))).toEqual([
        {
          path: '$.meetings[0].minutes.minutes[0].previousMinutes.amendments[0].minuteRef',
          code: 'VALIDATION.UNKNOWN_REFERENCE',
        },
      ]);
    });
  });
});
