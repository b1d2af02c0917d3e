import type { LocalTime, OfficerContact, PersonRef } from '@scrutineer/domain';
import type { Run } from './document-model.js';

/** "6.00 pm", "10.30 am", "12.00 noon": how council agendas and minutes print times. */
export const formatClockTime = (time: LocalTime): string => {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  if (hours === 12 && minutes === 0) return '12.00 noon';
  const suffix = hours < 12 ? 'am' : 'pm';
  const hour12 = hours % 12 === 0 ? 12 : hours % 12;
  return `${hour12}.${String(minutes).padStart(2, '0')} ${suffix}`;
};

/** "A, B and C". */
export const joinNames = (names: readonly string[]): string =>
  names.length <= 1
    ? (names[0] ?? '')
    : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}`;

export const personName = (person: PersonRef): string => person.name;

/**
 * An officer contact as the seeds print it: name, role (when there is one), then email and phone.
 * The mail link is described by whom it reaches ("Email Jane Smith (jane.smith@…)"), which a
 * screen reader says instead of "mailto:…".
 */
export const contactRuns = (contact: OfficerContact): Run[] => {
  const role = contact.role.trim();
  const runs: Run[] = [{ text: role ? `${contact.name}, ${role}` : contact.name }];
  if (contact.email) {
    runs.push(
      { text: '\n' },
      {
        text: contact.email,
        link: {
          kind: 'url',
          url: `mailto:${contact.email}`,
          description: `Email ${contact.name} (${contact.email})`,
        },
        colour: '#1D4F91',
      },
    );
  }
  if (contact.phone)
    runs.push({ text: contact.email ? ` ${contact.phone}` : `\n${contact.phone}` });
  return runs;
};

/** A data URL's bytes when it is a PNG or JPEG image, else null. */
export const imageFromDataUrl = (dataUrl: string | null): Buffer | null => {
  if (!dataUrl) return null;
  const match = /^data:image\/(png|jpe?g);base64,([A-Za-z0-9+/=\s]+)$/.exec(dataUrl);
  return match?.[2] ? Buffer.from(match[2], 'base64') : null;
};

/** Pixel size of a PNG or JPEG, for keeping a logo's proportions; null when unreadable. */
export const imageSize = (data: Buffer): { width: number; height: number } | null => {
  if (data.length > 24 && data.readUInt32BE(0) === 0x89504e47) {
    return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
  }
  if (data.length > 4 && data[0] === 0xff && data[1] === 0xd8) {
    let offset = 2;
    while (offset + 9 < data.length) {
      if (data[offset] !== 0xff) return null;
      const marker = data[offset + 1] ?? 0;
      const length = data.readUInt16BE(offset + 2);
      if (marker >= 0xc0 && marker <= 0xc3) {
        return { height: data.readUInt16BE(offset + 5), width: data.readUInt16BE(offset + 7) };
      }
      offset += 2 + length;
    }
  }
  return null;
};
