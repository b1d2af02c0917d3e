import { memberReferences, namedMemberIds } from './member-references.js';

describe(memberReferences.name, () => {
  it('finds every named member with its path, at any depth, and skips people with no member id', () => {
    const value = {
      memberships: [{ member: { name: 'Cllr A', memberId: 'a' }, role: 'chair' }],
      cabinetMember: { name: 'Cllr B', memberId: null },
      minutes: [{ blocks: [{ mover: { name: 'Cllr C', memberId: 'c' } }] }],
    };
    expect(memberReferences(value)).toEqual([
      { memberId: 'a', segments: ['memberships', 0, 'member', 'memberId'] },
      { memberId: 'c', segments: ['minutes', 0, 'blocks', 0, 'mover', 'memberId'] },
    ]);
  });

  it('does not take a memberId without a name for a person', () => {
    expect(memberReferences({ memberId: 'x' })).toEqual([]);
  });
});

describe(namedMemberIds.name, () => {
  it('lists each member once, in the order first named', () => {
    const person = (id: string) => ({ name: id, memberId: id });
    expect(namedMemberIds([person('b'), person('a'), { x: person('b') }])).toEqual(['b', 'a']);
  });
});
