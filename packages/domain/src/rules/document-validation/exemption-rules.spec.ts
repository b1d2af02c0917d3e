import type { CouncilDataset } from '../../model/document.js';
import { nationConflicts } from './exemption-rules.js';
import { parseCouncilDataset } from './parse.js';
import { stockportDataset } from '../../../test/fixtures/documents.js';

const inWales = (dataset: CouncilDataset): CouncilDataset => ({
  ...dataset,
  authorities: dataset.authorities.map((a) => ({ ...a, region: 'wales' as const })),
});

/** The fixture's item documents made exempt under `paragraph` (an exempt appendix). */
const exempt = (
  dataset: CouncilDataset,
  paragraph: number,
  reasonPublicInterestTest?: string,
): CouncilDataset =>
  JSON.parse(
    JSON.stringify(dataset, function (this: Record<string, unknown>, key, value: unknown) {
      return key === 'exemption' && 'role' in this
        ? {
            paragraph,
            ...(reasonPublicInterestTest === undefined ? {} : { reasonPublicInterestTest }),
          }
        : value;
    }),
  ) as CouncilDataset;

describe('Schedule 12A paragraphs follow the authority’s nation', () => {
  it('the English fixture made exempt under paragraph 3 is valid', () => {
    expect(JSON.stringify(exempt(stockportDataset(), 3))).toContain('"exemption":{"paragraph":3}');
    expect(parseCouncilDataset(exempt(stockportDataset(), 3)).ok).toBe(true);
  });

  it('refuses an English paragraph on a Welsh authority’s item, at its path, naming 12 to 18', () => {
    const result = parseCouncilDataset(inWales(exempt(stockportDataset(), 3)));
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems.map((p) => p.path)).toEqual([
      '$.meetings[0].agendaItems[0].documents[0].exemption.paragraph',
    ]);
    for (const problem of problems) {
      expect(problem.code).toBe('VALIDATION.MISMATCH');
      expect(problem.path).toMatch(/\.exemption\.paragraph$/);
      expect(problem.message).toBe(
        'Schedule 12A paragraph 3 does not apply to an authority in Wales: it cites Part 4, paragraphs 12 to 18',
      );
    }
  });

  it('accepts the Welsh paragraph in Wales and refuses it in England, naming 1 to 7', () => {
    expect(parseCouncilDataset(inWales(exempt(stockportDataset(), 14))).ok).toBe(true);
    const result = parseCouncilDataset(exempt(stockportDataset(), 14));
    expect(result.ok ? [] : result.problems.map((p) => p.message)).toContain(
      'Schedule 12A paragraph 14 does not apply to an authority in England: it cites Part 1, paragraphs 1 to 7',
    );
  });
});

describe('the public interest test’s outcome is recorded only where the test reaches', () => {
  const outcome = 'The public interest in withholding outweighs disclosure.';

  it('accepts it on Wales paragraph 14 and England paragraph 5', () => {
    expect(parseCouncilDataset(inWales(exempt(stockportDataset(), 14, outcome))).ok).toBe(true);
    expect(parseCouncilDataset(exempt(stockportDataset(), 5, outcome)).ok).toBe(true);
  });

  it('refuses it on Wales paragraph 16 (legal professional privilege), naming the field', () => {
    expect(parseCouncilDataset(inWales(exempt(stockportDataset(), 16))).ok).toBe(true);
    const result = parseCouncilDataset(inWales(exempt(stockportDataset(), 16, outcome)));
    expect(result.ok ? [] : result.problems).toEqual([
      {
        path: '$.meetings[0].agendaItems[0].documents[0].exemption.reasonPublicInterestTest',
        code: 'VALIDATION.MISMATCH',
        message:
          'The public interest test (paragraph 21 of Part 5 of Schedule 12A) does not reach paragraph 16 of Part 4: it applies to paragraphs 12 to 15, 17 and 18; leave reasonPublicInterestTest out',
        value: outcome,
      },
    ]);
  });
});

describe(nationConflicts.name, () => {
  const [english] = exempt(stockportDataset(), 3).meetings;
  if (english === undefined) throw new Error('the fixture has no meeting');

  it('finds nothing when the meeting stays in its nation', () => {
    expect(nationConflicts(english, 'england')).toEqual([]);
  });

  it('names the meeting, the item (or document, or minute) and the range of the nation it would move to', () => {
    const conflicts = nationConflicts(english, 'wales');
    const item = english.agendaItems[0];
    expect(conflicts).toEqual([
      {
        meetingId: english.meeting.id,
        where: `item ${item?.number}, document 1 (${item?.documents[0]?.title})`,
        paragraph: 3,
        message: `Meeting ${english.meeting.id}, item ${item?.number}, document 1 (${item?.documents[0]?.title}): Schedule 12A paragraph 3 does not apply to an authority in Wales: it cites Part 4, paragraphs 12 to 18`,
      },
    ]);
  });

  it('finds an exempt item and an exempt minute by their numbers', () => {
    const withMinute = {
      ...english,
      agendaItems: english.agendaItems.map((i, n) =>
        n === 0 ? { ...i, exemption: { paragraph: 14 as const } } : i,
      ),
      minutes: {
        status: 'draft' as const,
        approvedOn: null,
        closedAt: null,
        minutes: [
          {
            ref: { text: '42', sequence: 42 },
            agendaItemNumber: english.agendaItems[0]?.number ?? null,
            takenOrder: 1,
            title: 'Exempt',
            blocks: [],
            motions: [],
            elections: [],
            actions: [],
            resolution: null,
            previousMinutes: null,
            exemption: { paragraph: 16 as const },
          },
        ],
      },
    };
    expect(nationConflicts(withMinute, 'england').map((c) => [c.where, c.paragraph])).toEqual([
      [`item ${english.agendaItems[0]?.number}`, 14],
      ['minute 42', 16],
    ]);
  });
});
