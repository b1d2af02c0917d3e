import { describe, expect, it } from '@jest/globals';
import type { AgendaItem } from '@scrutineer/domain';
import { anonymousCaller, type Caller } from '../auth/caller.js';
import * as sut from './agenda-item.mapper.js';

const member: Caller = {
  role: 'member',
  name: 'Cllr',
  portfolioCodes: [],
  tokenId: 't',
  requestId: null,
};
const officer: Caller = { ...member, role: 'officer' };

const item = (exempt: boolean, appendixExempt: boolean): AgendaItem =>
  ({
    number: '8',
    order: 8,
    kind: 'report',
    title: 'Award of Contract',
    summary: 'Secret summary',
    recommendations: { lead: 'Approve', style: 'lettered', items: ['the award'] },
    reportOf: ['Director'],
    contacts: [{ name: 'A', role: 'B', email: null, phone: null }],
    exemption: exempt ? { paragraph: 3 } : null,
    documents: [
      {
        title: 'Report',
        role: 'report',
        exemption: null,
        content: { kind: 'sections', sections: [] },
      },
      {
        title: 'Prices',
        role: 'appendix',
        exemption: appendixExempt ? { paragraph: 3 } : null,
        content: { kind: 'sections', sections: [] },
      },
    ],
  }) as unknown as AgendaItem;

describe('agenda item mapper', () => {
  it('round-trips the domain item through its rows', () => {
    const original = item(true, true);
    const rows = sut.toPersistence(original, 'm1');
    expect(sut.toDomain(rows.item, rows.documents)).toEqual(original);
  });

  it('withholds everything but number, title and paragraph of an exempt item from the public and officers', () => {
    const rows = sut.toPersistence(item(true, false), 'm1');
    for (const caller of [anonymousCaller(null), officer]) {
      expect(sut.toResponse(rows.item, rows.documents, caller)).toMatchObject({
        number: '8',
        title: 'Award of Contract',
        exemption: { paragraph: 3 },
        summary: null,
        recommendations: null,
        reportOf: [],
        contacts: [],
        documents: [],
        isWithheld: true,
      });
    }
    expect(sut.toResponse(rows.item, rows.documents, member)).toMatchObject({
      summary: 'Secret summary',
      isWithheld: false,
    });
  });

  it('shows an exempt appendix of a public report by title and paragraph only', () => {
    const rows = sut.toPersistence(item(false, true), 'm1');
    const response = sut.toResponse(rows.item, rows.documents, anonymousCaller(null));
    expect(response.documents).toEqual([
      expect.objectContaining({ title: 'Report', isWithheld: false }),
      {
        id: rows.documents[1]?.id,
        title: 'Prices',
        role: 'appendix',
        exemption: { paragraph: 3 },
        content: null,
        late: null,
        isWithheld: true,
      },
    ]);
  });

  it('keeps the id of a document written again unchanged, and names the file of a file document', () => {
    const first = sut.toPersistence(item(false, true), 'm1', 'i1');
    const file = {
      title: 'Appendix B',
      role: 'appendix' as const,
      exemption: null,
      content: {
        kind: 'file' as const,
        file: {
          sha256: 'b'.repeat(64),
          mediaType: 'application/pdf' as const,
          byteLength: 10,
          fileName: 'b.pdf',
          pageCount: 1,
        },
      },
    };
    const changed = { ...item(false, true) };
    const again = sut.toPersistence(
      { ...changed, documents: [file, ...changed.documents] },
      'm1',
      'i1',
      2,
      first.documents,
    );
    expect(again.documents.map((d) => d.id)).toEqual([
      expect.any(String),
      first.documents[0]?.id,
      first.documents[1]?.id,
    ]);
    expect(again.documents[0]?.id).not.toBe(first.documents[0]?.id);
    expect(again.documents.map((d) => d.fileSha256)).toEqual(['b'.repeat(64), null, null]);
  });
});
