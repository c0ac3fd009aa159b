import { isTeamRole, removesLastAdmin, type TeamSeat } from './team';

describe('removesLastAdmin', () => {
  const team: TeamSeat[] = [
    { id: 'a1', role: 'admin', active: true },
    { id: 'a2', role: 'admin', active: false },
    { id: 'm1', role: 'member', active: true },
  ];

  it('refuses demoting or deactivating the only active admin', () => {
    expect(removesLastAdmin(team, 'a1', { role: 'member' })).toBe(true);
    expect(removesLastAdmin(team, 'a1', 'deactivate')).toBe(true);
  });

  it('allows it once another active admin exists, and never blocks changes to members or inactive admins', () => {
    const two = [...team, { id: 'a3', role: 'admin', active: true } as const];
    expect(removesLastAdmin(two, 'a1', { role: 'member' })).toBe(false);
    expect(removesLastAdmin(two, 'a1', 'deactivate')).toBe(false);
    expect(removesLastAdmin(team, 'm1', 'deactivate')).toBe(false);
    expect(removesLastAdmin(team, 'm1', { role: 'admin' })).toBe(false);
    expect(removesLastAdmin(team, 'a2', { role: 'member' })).toBe(false);
  });

  it('keeping the admin role is no change, and an unknown id removes nothing', () => {
    expect(removesLastAdmin(team, 'a1', { role: 'admin' })).toBe(false);
    expect(removesLastAdmin(team, 'nobody', 'deactivate')).toBe(false);
  });
});

describe('isTeamRole', () => {
  it('knows admin and member only', () => {
    expect(['admin', 'member', 'client', 'ADMIN', 1].map(isTeamRole)).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
  });
});
