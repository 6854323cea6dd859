import { admit, checkScope } from '../../../cloudfunctions/_lib/guard';
import type { Caller, Target } from '../../../shared/api/authorize';
import { ACTIONS } from '../../../shared/api/registry';
import { CALLER_ROLES } from '../../../shared/constants/roles';

// The guard's two decisions — role gate (admit) and scope on the loaded data (checkScope) — for
// every action in the registry × every caller role. contract and appointment have no deployed
// function yet, so this is where their matrix runs; user's also runs end to end through the
// emulator (tests/integration/identity/permission-matrix.integration.test.ts).
const insider = (role: Caller['role']): Caller => ({
  role,
  userId: 'u1',
  residentId: 'r1',
  familyResidentIds: ['r2'],
  teamIds: ['t1'],
  gridIds: ['g1'],
  institutionId: 'i1',
  districtId: 'd1',
});
const mine: Target = {
  residentId: 'r1',
  userId: 'u1',
  teamId: 't1',
  gridId: 'g1',
  institutionId: 'i1',
  districtId: 'd1',
};
const family: Target = { residentId: 'r2' };
const stranger: Target = {
  residentId: 'r9',
  userId: 'u9',
  teamId: 't9',
  gridId: 'g9',
  institutionId: 'i9',
  districtId: 'd9',
};

const cases = ACTIONS.flatMap((def) =>
  CALLER_ROLES.map((role) => [`${def.fn}.${def.action}`, role, def] as const),
);

describe('guard matrix over the registry', () => {
  afterAll(() =>
    console.info(
      `guard-level pairs: ${cases.length} (action × role), each with in- and out-of-scope targets`,
    ),
  );

  it.each(cases)('%s as %s', (_name, role, def) => {
    const caller = insider(role);
    const gate = admit(def, caller);
    const scope = def.access[role];
    if (scope === undefined) {
      expect(gate).toEqual({ code: 'FORBIDDEN' });
      return;
    }
    expect(gate).toEqual({ scope });
    expect(checkScope(scope, caller, mine)).toBeNull();
    if (scope === 'public') expect(checkScope(scope, caller, stranger)).toBeNull();
    else expect(checkScope(scope, caller, stranger)).toBe('OUT_OF_SCOPE');
    // Family reach is the resident's alone: `own` does not extend to the people they sign for.
    expect(checkScope(scope, caller, family)).toBe(
      scope === 'public' || scope === 'family' ? null : 'OUT_OF_SCOPE',
    );
  });

  it('refuses an action missing from the registry (deny by default)', () => {
    expect(admit(undefined, insider('district_admin'))).toEqual({ code: 'UNKNOWN_ACTION' });
  });

  it('a guest passes only actions whose contract names guest', () => {
    const open = ACTIONS.filter((d) => !('code' in admit(d, { role: 'guest' }))).map(
      (d) => `${d.fn}.${d.action}`,
    );
    expect(open.sort()).toEqual([
      'contract.listTeams',
      'contract.teamDetail',
      // Admitted only to be told politely that door plates are for staff (PLATE_STAFF_ONLY, before
      // any look-up; tests/integration/grid.integration.test.ts).
      'grid.scanHousehold',
      'user.bindStaff',
      'user.login',
      'user.regions',
    ]);
  });
});
