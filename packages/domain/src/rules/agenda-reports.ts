import type { MeetingDocument } from '../model/document.js';
import type { PerformanceReportId } from '../model/report.js';

/** The performance reports a meeting's agenda carries, in agenda order, each once. */
export const agendaReportIds = (
  document: Pick<MeetingDocument, 'agendaItems'>,
): PerformanceReportId[] => [
  ...new Set(
    document.agendaItems.flatMap((item) =>
      item.documents.flatMap((doc) =>
        doc.content.kind === 'performance-report' ? [doc.content.performanceReportId] : [],
      ),
    ),
  ),
];
