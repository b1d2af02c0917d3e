/** How the council lists recommendations and resolutions: a) b), (i) (ii), 1. 2., or bullets. Kept as the council wrote them. */
export type ListStyle = 'lettered' | 'roman' | 'numbered' | 'bulleted';

/** Recommendations to the committee, e.g. "Scrutiny Committee is asked to:" then a) … e). */
export type Recommendations = {
  readonly lead: string;
  readonly style: ListStyle;
  readonly items: readonly string[];
};

/** A numbered section of a report ("1. Introduction and Background") with paragraphs 1.1, 1.2 …. */
export type ReportSection = {
  readonly heading: string;
  readonly paragraphs: readonly string[];
};
