import { describe, expect, it } from '@jest/globals';
import { exemptPassages, loadSampleCouncil } from '@scrutineer/sample-council';
import { publicEdition } from './public-edition.js';

const dataset = loadSampleCouncil();
const passages = exemptPassages(dataset);

describe(publicEdition.name, () => {
  it.each(dataset.meetings.map((document) => [document.meeting.id, document] as const))(
    'leaves no exempt passage in %s',
    (_id, document) => {
      const sut = JSON.stringify(publicEdition(document));
      expect(passages.filter((passage) => sut.includes(passage))).toEqual([]);
    },
  );

  it('keeps an exempt item’s number, title and paragraph, and nothing of its content', () => {
    const march = dataset.meetings.find((d) => d.agendaItems.some((i) => i.exemption !== null));
    const exempt = march?.agendaItems.find((i) => i.exemption !== null);
    expect(exempt?.documents.length).toBeGreaterThan(0);
    const sut = publicEdition(march ?? dataset.meetings[0]!).agendaItems.find(
      (i) => i.number === exempt?.number,
    );
    expect(sut).toEqual({
      ...exempt,
      summary: null,
      recommendations: null,
      reportOf: [],
      contacts: [],
      documents: [],
    });
  });

  it('keeps an exempt appendix’s title and paragraph in place of its content', () => {
    const document = dataset.meetings.find((d) =>
      d.agendaItems.some((i) => i.exemption === null && i.documents.some((x) => x.exemption)),
    );
    expect(document).toBeDefined();
    const appendices = publicEdition(document!)
      .agendaItems.flatMap((i) => i.documents)
      .filter((x) => x.exemption !== null);
    expect(appendices.length).toBeGreaterThan(0);
    for (const appendix of appendices) {
      expect(appendix.title.length).toBeGreaterThan(0);
      expect(appendix.content).toEqual({ kind: 'sections', sections: [] });
    }
  });
});
