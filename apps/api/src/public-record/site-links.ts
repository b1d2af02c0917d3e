import type { Request } from 'express';

/**
 * The fixed naming authority of the calendars' UIDs and the feeds' tag: ids. It is not the
 * site's host, so a council that moves its site keeps every UID and entry id (RFC 5545 3.8.4.7,
 * RFC 4287 4.2.6); `.invalid` (RFC 2606) is a name nobody else can own.
 */
export const RECORD_DOMAIN = 'scrutineer.invalid';

/** The year the tag: ids were minted under (RFC 4151 wants a date the authority held the name). */
export const TAG_DATE = '2026';

const segment = (id: string): string => encodeURIComponent(id);

/** Where the public site shows each thing, and where the API serves its PDFs. */
export class SiteLinks {
  constructor(
    /** PUBLIC_SITE_URL, without a trailing slash. */
    readonly site: string,
    /** This API's own origin as the caller reached it (for the PDF routes). */
    readonly api: string,
  ) {}

  home(): string {
    return `${this.site}/`;
  }
  meeting(id: string): string {
    return `${this.site}/meetings/${segment(id)}`;
  }
  committee(id: string): string {
    return `${this.site}/committees/${segment(id)}`;
  }
  member(id: string): string {
    return `${this.site}/members/${segment(id)}`;
  }
  committees(): string {
    return `${this.site}/committees`;
  }
  agendaPack(meetingId: string): string {
    return `${this.api}/api/v1/meetings/${segment(meetingId)}/agenda-pack.pdf`;
  }
  minutesPdf(meetingId: string): string {
    return `${this.api}/api/v1/meetings/${segment(meetingId)}/minutes.pdf`;
  }
  apiPath(path: string): string {
    return `${this.api}${path}`;
  }
}

/** The API's origin as this request reached it (X-Forwarded-* only under TRUST_PROXY, as Express reads them). */
export const apiOriginOf = (request: Request): string =>
  `${request.protocol}://${request.get('host') ?? '127.0.0.1'}`;
