import {
  type AuthorityResource,
  type CommitteeResource,
  type LocalDate,
  type LocalTime,
  type MeetingDetail,
  type MemberResource,
  type OcdEvent,
  type OcdOrganization,
  type OcdPerson,
  ukInstantOf,
  ukIsoWithOffset,
  UK_TIME_ZONE,
} from '@scrutineer/domain';
import type { SiteLinks } from './site-links.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Open Civic Data's event status: scheduled is tentative until the agenda is out, held is passed. */
const ocdStatus = (status: MeetingDetail['status']): OcdEvent['status'] =>
  status === 'cancelled'
    ? 'cancelled'
    : status === 'held'
      ? 'passed'
      : status === 'agenda-published'
        ? 'confirmed'
        : 'tentative';

/**
 * A meeting as an OCD event, from the public edition of the meeting (`MeetingDetail` read as the
 * public reads it): an exempt item carries its number, title and paragraph, nothing else.
 */
export const toOcdEvent = (meeting: MeetingDetail, links: SiteLinks): OcdEvent => {
  const start =
    meeting.startTime === null
      ? meeting.date
      : ukIsoWithOffset(ukInstantOf(meeting.date as LocalDate, meeting.startTime as LocalTime));
  const documents: Mutable<OcdEvent['documents']>[number][] = [];
  if (meeting.agendaPublishedAt !== null)
    documents.push({
      note: 'Agenda pack',
      date: meeting.agendaPublishedAt.slice(0, 10),
      links: [{ url: links.agendaPack(meeting.id), media_type: 'application/pdf' }],
    });
  if (meeting.minutesStatus !== null)
    documents.push({
      note: meeting.minutesStatus === 'approved' ? 'Minutes' : 'Draft minutes',
      date: '',
      links: [{ url: links.minutesPdf(meeting.id), media_type: 'application/pdf' }],
    });
  return {
    id: meeting.id,
    _type: 'event',
    name: meeting.committeeName,
    description: '',
    classification: 'committee-meeting',
    start_date: start,
    end_date: '',
    all_day: meeting.startTime === null,
    timezone: UK_TIME_ZONE as 'Europe/London',
    status: ocdStatus(meeting.status),
    location: { name: meeting.venue ?? '', note: '', coordinates: null },
    participants: [
      { name: meeting.committeeName, id: meeting.committeeId, type: 'organization', note: 'host' },
    ],
    agenda: meeting.agendaItems.map((item) => ({
      description: item.title,
      order: item.number,
      subjects: [],
      notes: item.isWithheld || item.summary === null ? [] : [item.summary],
      classification: [item.exemption === null ? 'public' : 'exempt'],
      extras: { exemptParagraph: item.exemption?.paragraph ?? null },
    })),
    documents,
    media: [],
    links: [{ url: links.committee(meeting.committeeId), note: 'the committee' }],
    sources: [{ url: links.meeting(meeting.id), note: 'meeting page' }],
    created_at: meeting.createdAt,
    updated_at: meeting.updatedAt,
  };
};

export const toOcdPerson = (member: MemberResource, links: SiteLinks): OcdPerson => ({
  id: member.id,
  _type: 'person',
  name: member.name,
  image: '',
  links: [],
  sources: [{ url: links.member(member.id), note: 'councillor page' }],
  extras: { party: member.party, ward: member.ward },
  created_at: member.createdAt,
  updated_at: member.updatedAt,
});

export const authorityToOcd = (
  authority: AuthorityResource,
  links: SiteLinks,
): OcdOrganization => ({
  id: authority.id,
  _type: 'organization',
  name: authority.name,
  classification: 'legislature',
  parent_id: null,
  links: authority.website === null ? [] : websiteLink(authority.website),
  sources: [{ url: links.committees(), note: 'the council’s committees' }],
  extras: { purpose: null },
  created_at: authority.createdAt,
  updated_at: authority.updatedAt,
});

/** The council's own website, when it is a URL (it is free text in the model). */
const websiteLink = (website: string): OcdOrganization['links'] => {
  try {
    const url = new URL(website);
    return url.protocol === 'https:' || url.protocol === 'http:'
      ? [{ url: url.href, note: 'the council’s website' }]
      : [];
  } catch {
    return [];
  }
};

export const committeeToOcd = (
  committee: CommitteeResource,
  links: SiteLinks,
): OcdOrganization => ({
  id: committee.id,
  _type: 'organization',
  name: committee.name,
  classification: 'committee',
  parent_id: committee.authorityId,
  links: [],
  sources: [{ url: links.committee(committee.id), note: 'committee page' }],
  extras: { purpose: committee.purpose ?? null },
  created_at: committee.createdAt,
  updated_at: committee.updatedAt,
});
