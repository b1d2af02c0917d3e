// The model additions of issue 9, printed: each case renders a PDF of the sample council with one
// meeting changed and reads it back.
import type { CouncilDataset, MeetingDocument } from '@scrutineer/domain';
import { loadSampleCouncil, sampleIds } from '@scrutineer/sample-council';
import { renderAgendaPack, renderMinutes } from '../index.js';
import { renderedText as pdfText } from '../testing/render-bytes.js';

const WEST_SUSSEX = sampleIds.westSussexNovember2021;

/** The sample council with one meeting changed. */
const withMeeting = (
  dataset: CouncilDataset,
  meetingId: string,
  change: (document: MeetingDocument) => MeetingDocument,
): CouncilDataset => ({
  ...dataset,
  meetings: dataset.meetings.map((document) =>
    document.meeting.id === meetingId ? change(structuredClone(document)) : document,
  ),
});

const minutesText = (dataset: CouncilDataset, meetingId: string) =>
  pdfText((out) => renderMinutes(dataset, meetingId, out));

describe('model additions in the documents', () => {
  let dataset: CouncilDataset;
  beforeAll(() => {
    dataset = loadSampleCouncil();
  });

  it('prints a declaration of several kinds as one interest: "a personal and prejudicial interest"', async () => {
    const changed = withMeeting(dataset, WEST_SUSSEX, (document) => ({
      ...document,
      declarations: {
        kind: 'made',
        declarations: [
          {
            member: { name: 'Cllr Felicity Ashdown', memberId: null },
            about: { kind: 'agenda-item', itemNumber: '5' },
            interests: ['personal', 'prejudicial'],
            nature: 'Her son attends a school named in the report',
            withdrew: true,
          },
          {
            member: { name: 'Cllr Robert Tilling', memberId: null },
            about: { kind: 'agenda-item', itemNumber: '5' },
            interests: ['other-registrable'],
            nature: 'He is a school governor',
            withdrew: false,
          },
        ],
      },
    }));
    const text = await minutesText(changed, WEST_SUSSEX);
    expect(text).toContain(
      'Cllr Felicity Ashdown declared a personal and prejudicial interest in agenda item 5',
    );
    expect(text).toContain('Cllr Robert Tilling declared an other registrable interest');
  }, 60_000);

  it('records that declarations were made when the names were not, and on which item', async () => {
    const onItem = withMeeting(dataset, WEST_SUSSEX, (document) => ({
      ...document,
      declarations: { kind: 'made-unnamed', itemNumbers: ['5'] },
    }));
    expect(await minutesText(onItem, WEST_SUSSEX)).toContain(
      'Declarations of interest Declarations of interest were made in respect of agenda item 5.',
    );
    const anywhere = withMeeting(dataset, WEST_SUSSEX, (document) => ({
      ...document,
      declarations: { kind: 'made-unnamed', itemNumbers: [] },
    }));
    const text = await minutesText(anywhere, WEST_SUSSEX);
    expect(text).toContain('Declarations of interest were made.');
    expect(text).not.toContain('No declarations were made');
  }, 60_000);

  it('prints an agenda item’s scheduled time before its title', async () => {
    const text = await pdfText((out) => renderAgendaPack(dataset, WEST_SUSSEX, 'public', out));
    expect(text).toMatch(/5\. 10\.40 am Performance and Resources Report/);
  }, 60_000);

  it('prints the minutes in the order the agenda items were taken, when the items say', async () => {
    const november = sampleIds.stockportNovember2021;
    const before = await minutesText(dataset, november);
    expect(before.indexOf('12. Portfolio Performance')).toBeLessThan(
      before.indexOf('13. Home to School Transport'),
    );
    // Item 6 taken before item 5, with no change to the minutes themselves.
    const swapped = withMeeting(dataset, november, (document) => ({
      ...document,
      agendaItems: document.agendaItems.map((item) =>
        item.number === '5'
          ? { ...item, consideredOrder: 6 }
          : item.number === '6'
            ? { ...item, consideredOrder: 5 }
            : item,
      ),
    }));
    const text = await minutesText(swapped, november);
    expect(text.indexOf('13. Home to School Transport')).toBeGreaterThan(0);
    expect(text.indexOf('13. Home to School Transport')).toBeLessThan(
      text.indexOf('12. Portfolio Performance'),
    );
  }, 60_000);
});
