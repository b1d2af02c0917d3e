/**
 * Which councillors a value names: every `{ name, memberId }` person reference (seats, cabinet
 * members, attendance, declarations, motions, minutes) with a member id. The data-set rules check
 * each resolves; the API's dataset loader loads exactly these members.
 */
import type { Segment } from '../schema/json-path.js';

export type MemberReference = { readonly memberId: string; readonly segments: readonly Segment[] };

/** Every person reference with a member id in `value`, with its path, in document order. */
export const memberReferences = (value: unknown): MemberReference[] => {
  const found: MemberReference[] = [];
  const walk = (node: unknown, segments: Segment[]): void => {
    if (Array.isArray(node)) {
      node.forEach((item, i) => walk(item, [...segments, i]));
    } else if (typeof node === 'object' && node !== null) {
      const record = node as Record<string, unknown>;
      if (typeof record['memberId'] === 'string' && typeof record['name'] === 'string') {
        found.push({ memberId: record['memberId'], segments: [...segments, 'memberId'] });
      }
      for (const [key, child] of Object.entries(record)) walk(child, [...segments, key]);
    }
  };
  walk(value, []);
  return found;
};

/** The ids of the members `value` names, each once. */
export const namedMemberIds = (value: unknown): string[] => [
  ...new Set(memberReferences(value).map((reference) => reference.memberId)),
];
