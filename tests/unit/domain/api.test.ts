import { ZAvailabilityInput, ZSetScheduleInput } from '@shared/api/appointment';
import { authorize, type Caller, type Target } from '@shared/api/authorize';
import { ZSignContractInput, ZTerminateContractInput } from '@shared/api/contract';
import { COMMON_ERRORS, FUNCTIONS, rolesOf } from '@shared/api/define';
import { ACTIONS, actionsOf, findAction } from '@shared/api/registry';
import { fail, parseInput } from '@shared/api/respond';
import { parseWith } from '@shared/api/zod';
import { ERROR_CODES } from '@shared/constants/errors';
import { ERROR_MESSAGES } from '@shared/constants/messages';
import { CALLER_ROLES, SCOPES } from '@shared/constants/roles';
import fc from 'fast-check';

const CJK = /[\u4e00-\u9fa5]/;

describe('registry: every action of user, contract and appointment, in one shape', () => {
  it.each([
    [
      'user',
      [
        'login',
        'me',
        'verifyIdentity',
        'addFamilyMember',
        'listFamily',
        'removeFamilyMember',
        'withdrawConsent',
        'createStaff',
        'bindStaff',
        'revealIdentity',
        'familyRequests',
        'answerFamilyRequest',
        'regions',
        'setResidence',
        'listStaff',
        'reissueBindCode',
        'searchResidents',
      ],
    ],
    [
      'contract',
      [
        'listTeams',
        'teamDetail',
        'quote',
        'sign',
        'withdraw',
        'confirm',
        'reject',
        'renew',
        'changeTeam',
        'terminate',
        'mine',
        'pendingList',
        'teamContracts',
        'verify',
        'pdf',
        'eligibility',
        'uploadSignature',
      ],
    ],
    [
      'appointment',
      [
        'availability',
        'book',
        'cancel',
        'reschedule',
        'mine',
        'agenda',
        'markAttended',
        'markNoShow',
        'setSchedule',
        'schedules',
        'requestHomeVisit',
        'acceptHomeVisit',
        'declineHomeVisit',
      ],
    ],
  ] as const)('%s', (fn, actions) => {
    expect(
      actionsOf(fn)
        .map((a) => a.action)
        .sort(),
    ).toEqual([...actions].sort());
  });

  it('names are unique per function and unknown actions are not found', () => {
    const keys = ACTIONS.map((a) => `${a.fn}.${a.action}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(findAction('contract', 'sign')?.action).toBe('sign');
    expect(findAction('contract', 'hack')).toBeUndefined();
  });

  it.each(ACTIONS.map((a) => [`${a.fn}.${a.action}`, a]))(
    '%s declares known codes, roles and scopes',
    (_k, a) => {
      expect(FUNCTIONS).toContain(a.fn);
      for (const code of a.errors) expect(ERROR_CODES).toContain(code);
      for (const code of COMMON_ERRORS) expect(a.errors).toContain(code);
      expect(rolesOf(a).length).toBeGreaterThan(0);
      for (const [role, scope] of Object.entries(a.access)) {
        expect(CALLER_ROLES).toContain(role);
        expect(SCOPES).toContain(scope);
      }
    },
  );

  it('every error code has a Chinese message, and fail() uses it', () => {
    for (const code of ERROR_CODES) expect(ERROR_MESSAGES[code]).toMatch(CJK);
    expect(fail('SLOT_FULL')).toEqual({ ok: false, code: 'SLOT_FULL', message: '该时段已约满' });
  });
});

describe('permission matrix: every action × every role', () => {
  // A caller whose reach covers the target at every scope, and a target outside all of it.
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
  const stranger: Target = {
    residentId: 'r9',
    userId: 'u9',
    teamId: 't9',
    gridId: 'g9',
    institutionId: 'i9',
    districtId: 'd9',
  };

  for (const a of ACTIONS)
    for (const role of CALLER_ROLES)
      it(`${a.fn}.${a.action} as ${role}`, () => {
        const scope = a.access[role];
        const inReach = authorize(a, insider(role), mine);
        const outside = authorize(a, insider(role), stranger);
        if (scope === undefined) {
          expect(inReach).toEqual({ ok: false, code: 'FORBIDDEN' });
          expect(outside).toEqual({ ok: false, code: 'FORBIDDEN' });
        } else {
          expect(inReach).toEqual({ ok: true, value: scope });
          expect(outside).toEqual(
            scope === 'public' ? { ok: true, value: 'public' } : { ok: false, code: 'OUT_OF_SCOPE' },
          );
        }
      });

  // Written from DESIGN.md's role table, independently of the definitions.
  it.each([
    ['user.login', 'guest', true],
    ['user.createStaff', 'institution_admin', true],
    ['user.createStaff', 'doctor', false],
    ['user.createStaff', 'resident', false],
    ['user.bindStaff', 'guest', true],
    ['contract.listTeams', 'guest', true],
    ['contract.sign', 'guest', false],
    ['contract.sign', 'resident', true],
    ['contract.sign', 'grid_worker', true],
    ['contract.confirm', 'resident', false],
    ['contract.confirm', 'doctor', true],
    ['contract.confirm', 'institution_admin', true],
    ['contract.confirm', 'district_admin', false],
    ['contract.teamContracts', 'district_admin', true],
    ['contract.teamContracts', 'resident', false],
    ['appointment.book', 'resident', true],
    ['appointment.book', 'doctor', false],
    ['appointment.agenda', 'resident', false],
    ['appointment.markNoShow', 'doctor', true],
    ['appointment.markNoShow', 'resident', false],
    ['appointment.setSchedule', 'institution_admin', true],
    ['appointment.requestHomeVisit', 'grid_worker', true],
    ['appointment.acceptHomeVisit', 'grid_worker', false],
  ] as const)('%s as %s → allowed %s', (key, role, allowed) => {
    const [fn, action] = key.split('.') as [(typeof FUNCTIONS)[number], string];
    const def = findAction(fn, action);
    if (!def) throw new Error(key);
    expect(def.access[role] !== undefined).toBe(allowed);
  });

  it('family scope: a resident signs for a listed family member, not for a stranger', () => {
    const sign = findAction('contract', 'sign');
    if (!sign) throw new Error('sign');
    const me: Caller = { role: 'resident', residentId: 'r1', familyResidentIds: ['r2'] };
    expect(authorize(sign, me, { residentId: 'r2' }).ok).toBe(true);
    expect(authorize(sign, me, { residentId: 'r3' })).toEqual({ ok: false, code: 'OUT_OF_SCOPE' });
    expect(authorize(sign, me, {})).toEqual({ ok: false, code: 'OUT_OF_SCOPE' });
  });
});

describe('bad input: field-level issues in Chinese', () => {
  it.each(ACTIONS.map((a) => [`${a.fn}.${a.action}`, a]))(
    '%s rejects a non-object with BAD_INPUT in Chinese',
    (_k, a) => {
      const r = parseInput(a, 42);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.code).toBe('BAD_INPUT');
        expect(r.message).toBe(ERROR_MESSAGES.BAD_INPUT);
        for (const i of r.issues ?? []) expect(i.message).toMatch(CJK);
      }
    },
  );

  it('property: any input to any action either parses or yields Chinese field issues, never a throw', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ACTIONS), fc.anything(), (a, input) => {
        const r = parseInput(a, input);
        if (!r.ok) for (const i of r.issues ?? []) expect(i.message).toMatch(CJK);
      }),
      { numRuns: 2000 },
    );
  });

  const valid = {
    residentId: 'r1',
    teamId: 't1',
    packageIds: ['basic', 'htn'],
    consent: true,
    requestId: 'req-1',
    signatureFileId: 'cloud://env.bucket/signatures/r1.png',
  };
  it('sign: a valid request parses; each broken field is named', () => {
    expect(parseWith(ZSignContractInput, valid).ok).toBe(true);
    const cases: [Record<string, unknown>, string][] = [
      [{ ...valid, consent: false }, 'consent'],
      [{ ...valid, packageIds: [] }, 'packageIds'],
      [{ ...valid, packageIds: ['basic', 'basic'] }, 'packageIds'],
      [{ ...valid, requestedStart: '2026-02-30' }, 'requestedStart'],
      [{ ...valid, teamId: '' }, 'teamId'],
    ];
    for (const [input, path] of cases) {
      const r = parseWith(ZSignContractInput, input);
      expect(r.ok ? [] : r.issues.map((i) => i.path)).toEqual([path]);
      if (!r.ok) expect(r.issues[0]?.message).toMatch(CJK);
    }
  });

  it('terminate: reason other needs a note; availability spans at most 31 days; sessions end after they start', () => {
    const t = parseWith(ZTerminateContractInput, { contractId: 'c1', reason: 'other' });
    expect(t.ok ? null : t.issues).toEqual([{ path: 'note', message: ERROR_MESSAGES.REASON_REQUIRED }]);
    expect(parseWith(ZAvailabilityInput, { teamId: 't1', from: '2026-03-01', to: '2026-03-31' }).ok).toBe(
      true,
    );
    const wide = parseWith(ZAvailabilityInput, { teamId: 't1', from: '2026-03-01', to: '2026-04-02' });
    expect(wide.ok ? null : wide.issues.map((i) => i.path)).toEqual(['to']);
    const s = parseWith(ZSetScheduleInput, {
      doctorId: 'd1',
      teamId: 't1',
      from: '2026-03-01',
      to: '2026-03-31',
      weekly: [{ weekday: 8, start: '09:00', end: '08:00', capacity: 5 }],
    });
    expect(s.ok ? null : s.issues.map((i) => i.path).sort()).toEqual(['weekly.0.end', 'weekly.0.weekday']);
  });
});
