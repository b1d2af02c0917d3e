// The Stockport Children & Families Scrutiny Committee's meetings of 16 June 2021, 24 November
// 2021 and 9 March 2022. Item 6 (June) and item 5 (March) and their minutes are VERBATIM from
// seeds 002 and 000; the other items, attendance, declarations, the exempt contract award and
// the 9 March date are ILLUSTRATIVE (invented), see README.md.
import type { MeetingDocument } from '@scrutineer/domain';
import { june2021 } from './june-2021.js';
import { march2022 } from './march-2022.js';
import { november2021 } from './november-2021.js';

export const stockportMeetings: readonly MeetingDocument[] = [june2021, november2021, march2022];
