import type { MeetingDocument } from '@scrutineer/domain';

/**
 * The meeting as the public may see it, before any renderer sees it: exempt items keep their
 * number, title and paragraph; exempt documents their title and paragraph; exempt minutes their
 * reference, title and paragraph. The reporter prints its "not for publication" notices from these.
 */
export const publicEdition = (document: MeetingDocument): MeetingDocument => ({
  ...document,
  agendaItems: document.agendaItems.map((item) =>
    item.exemption !== null
      ? { ...item, summary: null, recommendations: null, reportOf: [], contacts: [], documents: [] }
      : {
          ...item,
          documents: item.documents.map((doc) =>
            doc.exemption !== null ? { ...doc, content: { kind: 'sections', sections: [] } } : doc,
          ),
        },
  ),
  minutes:
    document.minutes === null
      ? null
      : {
          ...document.minutes,
          minutes: document.minutes.minutes.map((minute) =>
            minute.exemption !== null
              ? {
                  ...minute,
                  blocks: [],
                  motions: [],
                  elections: [],
                  actions: [],
                  resolution: null,
                  previousMinutes: null,
                }
              : minute,
          ),
        },
});
