/** The rules a schema cannot state for one meeting document, in the order they are reported. */
import type { Problem } from '../../errors.js';
import type { MeetingDocument } from '../../model/document.js';
import { agendaRules } from './agenda-rules.js';
import { declarationRules } from './declaration-rules.js';
import type { Segment } from '../../schema/json-path.js';
import { minutesRules } from './minutes-rules.js';

/** Every semantic problem of `document`, at paths under `base` (`[]` alone, `['meetings', m]` in a data set). */
export const meetingRules = (document: MeetingDocument, base: readonly Segment[]): Problem[] => [
  ...agendaRules(document, base),
  ...declarationRules(document, base),
  ...minutesRules(document, base),
];
