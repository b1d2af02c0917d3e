import { describe, expect, it } from '@jest/globals';
import { isDomainError } from '../errors.js';
import type { LatePaper } from '../model/meeting.js';
import type { Instant } from '../model/time.js';
import {
  assignSupplement,
  isAddedLate,
  isPublishedPaper,
  lateOnAdding,
  lateOnChange,
  latePapers,
  nextSupplement,
  publishedSupplements,
  supplementTitle,
  type LatePaperItem,
} from './late-papers.js';

const at = (s: string) => s as Instant;
const PUBLISHED = { agendaPublishedAt: at('2022-03-01T09:00:00Z') };
const DRAFT = { agendaPublishedAt: null };
const REASON = { urgencyReason: 'The contract must be let before 31 March.' };

const codeOf = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (error) {
    return isDomainError(error) ? error.code : 'not a domain error';
  }
  return undefined;
};

const late = (supplement: number | null): LatePaper => ({
  ...REASON,
  addedAt: at('2022-03-04T12:00:00Z'),
  supplement,
});

const agenda = (): LatePaperItem[] => [
  { number: '1', title: 'Apologies', documents: [] },
  {
    number: '5',
    title: 'Budget',
    documents: [
      { title: 'Report', late: null },
      { title: 'Appendix C', late: late(1) },
      { title: 'Appendix D', late: late(null) },
    ],
  },
  {
    number: '9',
    title: 'Urgent: school transport contract',
    late: late(null),
    documents: [{ title: 'Report', late: null }],
  },
];

describe('late papers (LGA 1972 s.100B(4)(b))', () => {
  it('a paper is late from the instant the agenda was published, whatever the offsets', () => {
    expect(isAddedLate(PUBLISHED, at('2022-03-01T08:59:59Z'))).toBe(false);
    expect(isAddedLate(PUBLISHED, at('2022-03-01T09:00:00Z'))).toBe(true);
    expect(isAddedLate(PUBLISHED, at('2022-03-01T10:00:00+01:00'))).toBe(true);
    expect(isAddedLate(DRAFT, at('2030-01-01T00:00:00Z'))).toBe(false);
  });

  it('after publication a paper needs the chair’s reason; the server sets when and which supplement', () => {
    const now = at('2022-03-04T12:00:00Z');
    expect(codeOf(() => lateOnAdding(PUBLISHED, undefined, now, 'item'))).toBe(
      'LATE_PAPER.URGENCY_REQUIRED',
    );
    expect(codeOf(() => lateOnAdding(PUBLISHED, null, now, 'document'))).toBe(
      'LATE_PAPER.URGENCY_REQUIRED',
    );
    expect(
      lateOnAdding(
        PUBLISHED,
        { ...REASON, addedAt: at('1999-01-01T00:00:00Z'), supplement: 7 },
        now,
        'item',
      ),
    ).toEqual({ ...REASON, addedAt: now, supplement: null });
  });

  it('before publication nothing is late, and a late sent then is refused', () => {
    const now = at('2022-02-20T12:00:00Z');
    expect(lateOnAdding(DRAFT, null, now, 'item')).toBeNull();
    expect(lateOnAdding(PUBLISHED, undefined, now, 'item')).toBeNull();
    expect(codeOf(() => lateOnAdding(DRAFT, REASON, now, 'item'))).toBe(
      'LATE_PAPER.AGENDA_NOT_PUBLISHED',
    );
  });

  it('a change keeps the server’s fields, and a published reason cannot change', () => {
    expect(lateOnChange(null, REASON, 'item')).toBeNull();
    expect(lateOnChange(late(null), { urgencyReason: 'Corrected.' }, 'item')).toEqual({
      ...late(null),
      urgencyReason: 'Corrected.',
    });
    expect(lateOnChange(late(1), undefined, 'item')).toEqual(late(1));
    expect(lateOnChange(late(1), { ...REASON, supplement: null }, 'item')).toEqual(late(1));
    expect(codeOf(() => lateOnChange(late(1), { urgencyReason: 'Other.' }, 'document'))).toBe(
      'LATE_PAPER.ALREADY_PUBLISHED',
    );
  });

  it('a late paper is published only once a supplement carries it', () => {
    expect(isPublishedPaper({})).toBe(true);
    expect(isPublishedPaper({ late: null })).toBe(true);
    expect(isPublishedPaper({ late: late(null) })).toBe(false);
    expect(isPublishedPaper({ late: late(2) })).toBe(true);
  });

  it('lists late papers in agenda order: a late item whole, or the late documents of an item', () => {
    expect(latePapers(agenda()).map((p) => [p.itemNumber, p.document, p.title])).toEqual([
      ['5', 1, 'Appendix C'],
      ['5', 2, 'Appendix D'],
      ['9', null, 'Urgent: school transport contract'],
    ]);
  });

  it('the next supplement takes the pending papers and the next number', () => {
    const next = nextSupplement(agenda());
    expect(next.supplement).toBe(2);
    expect(next.papers.map((p) => p.title)).toEqual([
      'Appendix D',
      'Urgent: school transport contract',
    ]);
    const marked = assignSupplement(agenda(), next.supplement);
    expect(
      publishedSupplements(marked).map((s) => [s.supplement, s.papers.map((p) => p.title)]),
    ).toEqual([
      [1, ['Appendix C']],
      [2, ['Appendix D', 'Urgent: school transport contract']],
    ]);
    expect(codeOf(() => nextSupplement(marked))).toBe('LATE_PAPER.NOTHING_PENDING');
    expect(codeOf(() => nextSupplement([{ number: '1', title: 'A', documents: [] }]))).toBe(
      'LATE_PAPER.NOTHING_PENDING',
    );
    expect(
      codeOf(() =>
        nextSupplement([
          { number: '1', title: 'A', late: late(99), documents: [] },
          { number: '2', title: 'B', late: late(null), documents: [] },
        ]),
      ),
    ).toBe('LATE_PAPER.TOO_MANY_SUPPLEMENTS');
    expect(supplementTitle(2)).toBe('Supplementary Agenda No. 2');
  });
});
