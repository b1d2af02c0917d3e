import { Closed, LIMITS, List, StringEnum, Text, type Shape } from '../schema/kit.js';

export const LIST_STYLES = ['lettered', 'roman', 'numbered', 'bulleted'] as const;
/** How the council lists recommendations and resolutions: a) b), (i) (ii), 1. 2., or bullets. Kept as the council wrote them. */
export type ListStyle = (typeof LIST_STYLES)[number];
export const ListStyle = StringEnum(LIST_STYLES, { title: 'ListStyle' });

/** Recommendations to the committee, e.g. "Scrutiny Committee is asked to:" then a) … e). */
export const Recommendations = Closed(
  {
    lead: Text({ minLength: 0, maxLength: LIMITS.paragraph }),
    style: ListStyle,
    items: List(Text({ maxLength: LIMITS.paragraph })),
  },
  { title: 'Recommendations' },
);
export type Recommendations = Shape<typeof Recommendations>;

/** A numbered section of a report ("1. Introduction and Background") with paragraphs 1.1, 1.2 …. */
export const ReportSection = Closed(
  {
    heading: Text(),
    paragraphs: List(Text({ minLength: 0, maxLength: LIMITS.paragraph })),
  },
  { title: 'ReportSection' },
);
export type ReportSection = Shape<typeof ReportSection>;
