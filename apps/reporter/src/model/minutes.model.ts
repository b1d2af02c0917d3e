import type {
  Comment,
  CouncilDataset,
  Election,
  Minute,
  Motion,
  Resolution,
  ResolutionLead,
  Vote,
} from '@scrutineer/domain';
import {
  amendmentsLead,
  isUnknown,
  minutesInOrderTaken,
  minutesRecordItemKind,
  motionCarriedAsResolution,
  paragraphRecordingResolution,
  paragraphRepeatsMotion,
  previousMinutesStatement,
  resolutionLeadOf,
} from '@scrutineer/domain';
import { ReporterError } from '../errors.js';
import type { Block, DocumentModel, Run } from './document-model.js';
import {
  describeExemption,
  formatDate,
  isWithheld,
  printedListLabel,
  resolutionParagraphRef,
  withholdMeetingDocument,
} from './domain-rules.js';
import { findMeeting } from './lookup.js';
import {
  attendanceBlocks,
  declarationBlocks,
  para,
  type RecordedElsewhere,
} from './minutes-attendance.js';
import { formatClockTime, joinNames } from './wording.js';

const commentText = (comment: Comment): string[] => [comment.point, comment.response ?? ''];

const commentRuns = (comment: Comment): Run[] => [
  ...(comment.topic ? [{ text: `${comment.topic} – `, style: 'bold' as const }] : []),
  { text: comment.point },
  ...(comment.response ? [{ text: ` ${comment.response}` }] : []),
];

const voteText = (vote: Vote | null): string => {
  if (!vote) return '';
  switch (vote.kind) {
    case 'unanimous':
      return ' unanimously';
    case 'show-of-hands':
    case 'secret-ballot': {
      const how = vote.kind === 'secret-ballot' ? ' by secret ballot' : '';
      if (isUnknown(vote.count)) return how;
      return `${how} (For ${vote.count.for}, Against ${vote.count.against}, Abstaining ${vote.count.abstain})`;
    }
    case 'recorded': {
      const group = (cast: 'for' | 'against' | 'abstain'): string =>
        joinNames(
          vote.votes.filter((entry) => entry.cast === cast).map((entry) => entry.member.name),
        ) || 'none';
      return ` on a recorded vote (For: ${group('for')}; Against: ${group('against')}; Abstaining: ${group('abstain')})`;
    }
  }
};

const motionBlock = (motion: Motion): Block => {
  // The motion's words are kept as minuted: "That …" follows a colon, lower-case words follow "that".
  const joiner = /^[A-Z]/.test(motion.text) ? ': ' : ' that ';
  const moved = motion.proposer
    ? `It was moved by ${motion.proposer.name}${motion.seconder ? ` and seconded by ${motion.seconder.name}` : ''}${joiner}${motion.text}`
    : `A motion was put${joiner}${motion.text}`;
  const outcome =
    motion.outcome === 'not-recorded'
      ? ' The outcome was not recorded.'
      : motion.outcome === 'withdrawn'
        ? ' The motion was withdrawn.'
        : ` The motion was ${motion.outcome}${voteText(motion.vote)}.`;
  return para([{ text: `${moved.replace(/\.$/, '')}.${outcome}` }]);
};

const electionBlock = (election: Election): Block[] => [
  para([{ text: `Election of ${election.office}`, style: 'bold' }], {
    keepWithNext: true,
    spaceAfter: 3,
  }),
  {
    kind: 'list',
    items: election.nominations.map((nomination) => ({
      label: '•',
      runs: [
        {
          text: `${nomination.nominee.name}${nomination.proposer ? `, proposed by ${nomination.proposer.name}` : ''}${nomination.seconder ? ` and seconded by ${nomination.seconder.name}` : ''}${nomination.votes !== null ? ` (${nomination.votes} votes)` : ''}`,
        },
      ],
    })),
  },
  para([
    {
      text: election.elected
        ? `${election.elected.name} was elected ${election.office}.`
        : 'No one was elected.',
    },
  ]),
];

/**
 * The bold lead and the words after it (the domain's `resolutionLeadOf`: the text's own lead, else
 * the council's). A motion the resolution records is said once, in front of it: "It was moved by
 * …, seconded by … and RESOLVED – That …".
 */
const resolvedRuns = (text: string, councilLead: ResolutionLead, motion: Motion | null): Run[] => {
  const { lead, rest } = resolutionLeadOf(text, councilLead);
  const runs: Run[] = [{ text: lead, style: 'bold' }, { text: rest }];
  if (!motion?.proposer) return runs;
  const seconded = motion.seconder ? `, seconded by ${motion.seconder.name}` : '';
  const how = motion.vote?.kind === 'unanimous' ? ' unanimously' : '';
  return [{ text: `It was moved by ${motion.proposer.name}${seconded} and${how} ` }, ...runs];
};

const resolutionBlocks = (
  resolution: Resolution,
  label: string | null,
  councilLead: ResolutionLead,
  motion: Motion | null,
): Block[] => {
  const indent = label ? 0 : undefined;
  if (resolution.kind === 'single') {
    return [
      para(resolvedRuns(resolution.text, councilLead, motion), {
        ...(label ? { label } : {}),
        ...(indent !== undefined ? { indent } : {}),
      }),
    ];
  }
  return [
    para(resolvedRuns(resolution.lead ?? '', councilLead, null), {
      ...(label ? { label } : {}),
      keepWithNext: true,
    }),
    {
      kind: 'list',
      indent: label ? 52 : 18,
      items: resolution.points.map((point, index) => ({
        label: printedListLabel(resolution.style, index + 1),
        runs: [{ text: point.text }],
      })),
    },
  ];
};

const minuteBlocks = (minute: Minute, councilLead: ResolutionLead): Block[] => {
  const title = `${minute.ref.text}${/[.\d]$/.test(minute.ref.text) && !minute.ref.text.includes('.') ? '.' : ''} ${minute.title}`;
  const blocks: Block[] = [
    { kind: 'heading', level: 2, runs: [{ text: title }], bookmark: { title } },
  ];
  if (minute.exemption !== null && isWithheld(minute, false)) {
    blocks.push(
      para([
        {
          text: `This item was considered in private. ${describeExemption(minute.exemption.paragraph).notice} The minute is not published.`,
          style: 'italic',
        },
      ]),
    );
    return blocks;
  }
  if (minute.previousMinutes) {
    // One statement that the minutes were approved: the minute's own words when they say it.
    const { amendments } = minute.previousMinutes;
    const statement = previousMinutesStatement(minute);
    const lead = statement ?? (amendments.length > 0 ? amendmentsLead : null);
    if (lead) blocks.push(para([{ text: lead }], { keepWithNext: amendments.length > 0 }));
    if (amendments.length > 0) {
      blocks.push({
        kind: 'list',
        items: amendments.map((amendment) => ({
          label: '•',
          runs: [
            { text: `Minute ${amendment.minuteRef}: `, style: 'bold' },
            { text: amendment.text },
          ],
        })),
      });
    }
  }
  // The paragraph that already records the resolution is printed once, as the resolution.
  const recordsResolution = paragraphRecordingResolution(minute);
  // A motion the resolution records is printed once, with the resolution (see `resolvedRuns`).
  const resolvedMotion = motionCarriedAsResolution(minute);
  for (const block of minute.blocks) {
    if (block.kind === 'paragraph' && block.ref !== null && block.ref === recordsResolution) {
      continue;
    }
    if (block.kind === 'paragraph' && paragraphRepeatsMotion(minute, block.text)) continue;
    if (block.kind === 'paragraph') {
      blocks.push(para([{ text: block.text }], block.ref ? { label: block.ref } : {}));
      if (block.comments.length > 0) {
        blocks.push({
          kind: 'list',
          indent: block.ref ? 52 : 18,
          items: block.comments.map((comment) => ({ label: '•', runs: commentRuns(comment) })),
        });
      }
    } else {
      if (block.heading)
        blocks.push({ kind: 'heading', level: 3, runs: [{ text: block.heading }] });
      blocks.push({
        kind: 'list',
        items: block.comments.map((comment) => ({ label: '•', runs: commentRuns(comment) })),
      });
    }
  }
  for (const motion of minute.motions.filter((candidate) => candidate !== resolvedMotion)) {
    blocks.push(motionBlock(motion));
  }
  for (const election of minute.elections) blocks.push(...electionBlock(election));
  // An action already written into the minute's words (seed 004's "Action: …") is not repeated.
  const written = minute.blocks
    .flatMap((block) =>
      block.kind === 'paragraph'
        ? [block.text, ...block.comments.flatMap(commentText)]
        : block.comments.flatMap(commentText),
    )
    .join(' ');
  for (const action of minute.actions.filter((candidate) => !written.includes(candidate.text))) {
    const who = [action.owner, action.due ? `by ${formatDate(action.due)}` : null]
      .filter(Boolean)
      .join(', ');
    blocks.push(
      para([
        { text: 'Action: ', style: 'bold' },
        { text: `${action.text}${who ? ` (${who})` : ''}` },
      ]),
    );
  }
  if (minute.resolution) {
    blocks.push(
      ...resolutionBlocks(
        minute.resolution,
        resolutionParagraphRef(minute),
        councilLead,
        resolvedMotion,
      ),
    );
  }
  return blocks;
};

/** The minutes of a meeting as published: exempt minutes only as a line saying they were taken in private. */
export const buildMinutesModel = (dataset: CouncilDataset, meetingId: string): DocumentModel => {
  const context = findMeeting(dataset, meetingId);
  // The minutes are published: an exempt minute is withheld whatever the data set holds.
  const { meeting, minutes, attendance, declarations } = withholdMeetingDocument(
    context.document,
    false,
  );
  if (!minutes) {
    throw new ReporterError('REPORTER.NO_MINUTES', `Meeting "${meetingId}" has no minutes yet.`, {
      meetingId,
    });
  }
  const draft = minutes.status === 'draft';
  const held = `${formatDate(meeting.date, true)}${meeting.startTime ? ` at ${formatClockTime(meeting.startTime)}` : ''}${meeting.venue ? `, ${meeting.venue}` : ''}`;
  const blocks: Block[] = [
    {
      kind: 'heading',
      level: 1,
      runs: [{ text: context.committee.name }],
      bookmark: { title: context.committee.name },
    },
    para([{ text: `Minutes of the meeting held on ${held}` }], { size: 12 }),
  ];
  if (draft) {
    blocks.push({
      kind: 'notice',
      title: 'DRAFT',
      colour: '#B10E1E',
      runs: [
        {
          text: 'These minutes are a draft until the Committee approves them as a correct record at its next meeting.',
        },
      ],
    });
  } else if (minutes.status === 'unknown') {
    // A historic record whose source does not give its status: no approval is claimed.
    blocks.push(
      para([
        {
          text: 'The record these minutes come from does not say whether they were approved as a correct record.',
          style: 'italic',
        },
      ]),
    );
  } else if (minutes.approvedOn) {
    blocks.push(
      para([
        {
          text: `Approved as a correct record on ${formatDate(minutes.approvedOn)}.`,
          style: 'italic',
        },
      ]),
    );
  }
  const items = context.document.agendaItems;
  const elsewhere: RecordedElsewhere = {
    apologies: minutesRecordItemKind(minutes.minutes, items, 'apologies'),
    declarations: minutesRecordItemKind(minutes.minutes, items, 'declarations'),
  };
  blocks.push(
    ...attendanceBlocks(attendance, elsewhere),
    ...declarationBlocks(declarations, elsewhere),
    {
      kind: 'spacer',
      height: 6,
    },
  );
  // In the order the meeting took them: the agenda items' order of consideration where given.
  const ordered = minutesInOrderTaken(minutes.minutes, items);
  const councilLead = context.authority.style.resolutionLead;
  for (const minute of ordered) blocks.push(...minuteBlocks(minute, councilLead));
  if (minutes.closedAt) {
    blocks.push(para([{ text: `The meeting closed at ${formatClockTime(minutes.closedAt)}.` }]));
  }
  blocks.push({ kind: 'signature', lines: ['Chair', 'Date'] });
  const title = `${context.committee.name}, ${formatDate(meeting.date)}: ${draft ? 'draft minutes' : 'minutes'}`;
  return {
    meta: {
      title,
      subject: `Minutes of the meeting of ${context.committee.name} on ${formatDate(meeting.date, true)}`,
      author: context.authority.name,
      keywords: `minutes, ${context.committee.name}, ${meeting.date}`,
      councilName: context.authority.name,
      colour: context.authority.style.primaryColour,
      headerMark: draft ? 'DRAFT' : null,
    },
    sections: [{ id: 'minutes', tag: 'Art', stamp: null, marking: null, blocks }],
  };
};
