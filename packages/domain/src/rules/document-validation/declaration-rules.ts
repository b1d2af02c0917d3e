/** Declarations of interest in one meeting document. */
import type { Problem } from '../../errors.js';
import type { MeetingDocument } from '../../model/document.js';
import type { Segment } from '../../schema/json-path.js';
import { problem } from './problems.js';

/** A declaration on an agenda item, or declarations made without names on items, name items the agenda has. */
export const declarationRules = (
  document: MeetingDocument,
  base: readonly Segment[],
): Problem[] => {
  const problems: Problem[] = [];
  const itemNumbers = new Set(document.agendaItems.map((item) => item.number));
  if (document.declarations.kind === 'made') {
    document.declarations.declarations.forEach((declaration, i) => {
      if (
        declaration.about.kind === 'agenda-item' &&
        !itemNumbers.has(declaration.about.itemNumber)
      ) {
        problems.push(
          problem(
            [...base, 'declarations', 'declarations', i, 'about', 'itemNumber'],
            'VALIDATION.UNKNOWN_REFERENCE',
            `Declaration by ${declaration.member.name} is on agenda item ${declaration.about.itemNumber}, which the agenda does not have`,
            declaration.about.itemNumber,
          ),
        );
      }
    });
  }
  if (document.declarations.kind === 'made-unnamed') {
    document.declarations.itemNumbers.forEach((itemNumber, i) => {
      if (!itemNumbers.has(itemNumber)) {
        problems.push(
          problem(
            [...base, 'declarations', 'itemNumbers', i],
            'VALIDATION.UNKNOWN_REFERENCE',
            `Declarations are recorded as made on agenda item ${itemNumber}, which the agenda does not have`,
            itemNumber,
          ),
        );
      }
    });
  }
  return problems;
};
