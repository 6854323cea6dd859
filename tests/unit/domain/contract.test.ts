import { ERROR_CODES } from '@shared/constants/errors';
import {
  CONTRACT_STATUSES,
  type ContractStatus,
  confirmContract,
  effectiveStatus,
  expireContract,
  rejectContract,
  renewalWindow,
  requestContract,
  requestRenewal,
  requestTeamChange,
  type TContract,
  TERMINATION_REASONS,
  terminateContract,
  termOf,
  withdrawContract,
  ZContractConfig,
} from '@shared/contract';

// Noon in Shanghai on a day: 04:00Z.
const at = (day: string) => new Date(`${day}T04:00:00Z`);
const base: TContract = {
  _id: 'c1',
  residentId: 'r1',
  teamId: 't1',
  institutionId: 'i1',
  packageIds: ['basic'],
  kind: 'new',
  status: 'pending',
  signedAt: at('2026-03-01'),
  signedBy: 'u1',
};
const active = (start = '2026-03-02', end = '2027-03-01'): TContract => ({
  ...base,
  status: 'active',
  startDate: start,
  endDate: end,
  confirmedAt: at(start),
  confirmedBy: 'leader',
});
const req = (over: Partial<Parameters<typeof requestContract>[0]> = {}) => ({
  id: 'c2',
  residentId: 'r1',
  teamId: 't2',
  institutionId: 'i1',
  packageIds: ['basic'],
  signedBy: 'u1',
  siblings: [] as TContract[],
  now: at('2026-01-31'),
  ...over,
});

describe('POLICY 000 takes effect only after the institution confirms', () => {
  it('a signing is pending; confirmation makes it active for a 1-year term from the confirmation day', () => {
    const r = requestContract(req());
    expect(r.ok && r.value.status).toBe('pending');
    if (!r.ok) return;
    expect(effectiveStatus(r.value, at('2026-02-01'))).toBe('pending');
    const c = confirmContract(r.value, { now: at('2026-03-02'), by: 'leader', siblings: [] });
    expect(c.ok && c.value.contract).toMatchObject({
      status: 'active',
      startDate: '2026-03-02',
      endDate: '2027-03-01',
      confirmedBy: 'leader',
    });
  });

  it('a chosen start within 1 month is honoured: signing 2026-01-31 allows up to 2026-02-28', () => {
    expect(requestContract(req({ requestedStart: '2026-02-28' })).ok).toBe(true);
    expect(requestContract(req({ requestedStart: '2026-03-01' }))).toEqual({
      ok: false,
      code: 'START_TOO_LATE',
    });
    expect(requestContract(req({ requestedStart: '2026-01-31' })).ok).toBe(true);
    expect(requestContract(req({ requestedStart: '2026-01-30' }))).toEqual({
      ok: false,
      code: 'START_IN_PAST',
    });
    const p = requestContract(req({ requestedStart: '2026-02-28' }));
    if (!p.ok) throw new Error('setup');
    const early = confirmContract(p.value, { now: at('2026-02-03'), by: 'leader', siblings: [] });
    expect(early.ok && early.value.contract.startDate).toBe('2026-02-28');
    const late = confirmContract(p.value, { now: at('2026-03-05'), by: 'leader', siblings: [] });
    expect(late.ok && late.value.contract.startDate).toBe('2026-03-05');
  });

  it('only a pending contract can be confirmed, rejected or withdrawn (every status looped)', () => {
    for (const status of CONTRACT_STATUSES) {
      const c = { ...active(), status };
      const legal = status === 'pending';
      expect(confirmContract(c, { now: at('2026-04-01'), by: 'x', siblings: [] }).ok).toBe(legal);
      expect(rejectContract(c, { now: at('2026-04-01'), reason: '不在服务区' }).ok).toBe(legal);
      expect(withdrawContract(c, { now: at('2026-04-01') }).ok).toBe(legal);
    }
  });

  it('a rejection needs a reason', () => {
    expect(rejectContract(base, { now: at('2026-03-02'), reason: '  ' })).toEqual({
      ok: false,
      code: 'REASON_REQUIRED',
    });
    const r = rejectContract(base, { now: at('2026-03-02'), reason: '超出服务范围' });
    expect(r.ok && r.value).toMatchObject({ status: 'rejected', rejectReason: '超出服务范围' });
  });
});

describe('POLICY 000 one team at a time', () => {
  it('a second signing is refused while a contract is pending, live or upcoming', () => {
    expect(requestContract(req({ siblings: [base] }))).toEqual({ ok: false, code: 'ALREADY_PENDING' });
    expect(requestContract(req({ siblings: [active('2026-01-01', '2026-12-31')] }))).toEqual({
      ok: false,
      code: 'ALREADY_SIGNED',
    });
    expect(requestContract(req({ siblings: [active('2026-02-15', '2027-02-14')] }))).toEqual({
      ok: false,
      code: 'ALREADY_SIGNED',
    });
    expect(requestContract(req({ siblings: [active('2025-01-01', '2025-12-31')] })).ok).toBe(true);
  });
});

describe('POLICY 000 term 1 year, configurable', () => {
  it.each([
    ['2026-03-02', '2027-03-01'],
    ['2026-01-01', '2026-12-31'],
    ['2024-02-29', '2025-02-28'],
    ['2027-03-01', '2028-02-29'],
  ])('start %s → last day %s', (start, end) => {
    expect(termOf(start)).toEqual({ start, end });
  });

  it('a region may set a 2-year term', () => {
    expect(termOf('2026-03-02', ZContractConfig.parse({ termMonths: 24 })).end).toBe('2028-03-01');
  });

  it('reads expired once the last day is over in Shanghai, before any job runs', () => {
    const c = active('2026-03-02', '2027-03-01');
    expect(effectiveStatus(c, new Date('2027-03-01T15:59:59Z'))).toBe('active');
    expect(effectiveStatus(c, new Date('2027-03-01T16:00:00Z'))).toBe('expired');
    expect(effectiveStatus(c, new Date('2026-03-01T15:59:59Z'))).toBe('upcoming');
    expect(effectiveStatus(c, new Date('2026-03-01T16:00:00Z'))).toBe('active');
  });

  it('the expiry job moves only past-term active contracts', () => {
    expect(expireContract(active(), { now: at('2027-03-01') })).toEqual({
      ok: false,
      code: 'NOT_YET_EXPIRED',
    });
    expect(expireContract(active(), { now: at('2027-03-02') }).ok).toBe(true);
    for (const status of CONTRACT_STATUSES.filter((s) => s !== 'active'))
      expect(expireContract({ ...active(), status }, { now: at('2027-03-02') })).toEqual({
        ok: false,
        code: 'ILLEGAL_TRANSITION',
      });
  });
});

describe('POLICY 000 renewal within a window (30 days before, 30 after: configurable)', () => {
  const source = active('2026-03-02', '2027-03-01');
  const renew = (day: string, cfg = ZContractConfig.parse({})) =>
    requestRenewal(source, { id: 'c2', signedBy: 'u1', now: at(day), siblings: [source], cfg });

  it('window is endDate − 30 … endDate + 30', () => {
    expect(renewalWindow(source)).toEqual({ start: '2027-01-30', end: '2027-03-31' });
  });

  it.each([
    ['day before window', '2027-01-29', false],
    ['first day', '2027-01-30', true],
    ['last day of term', '2027-03-01', true],
    ['last day of grace', '2027-03-31', true],
    ['day after grace', '2027-04-01', false],
  ])('%s (%s) → allowed %s', (_l, day, ok) => {
    const r = renew(day);
    expect(r.ok ? 'ok' : r.code).toBe(ok ? 'ok' : 'NOT_IN_RENEWAL_WINDOW');
  });

  it('a renewal starts the day after the old term, even when confirmed early', () => {
    const r = renew('2027-02-10');
    if (!r.ok) throw new Error('setup');
    expect(r.value).toMatchObject({
      kind: 'renewal',
      renewedFrom: 'c1',
      requestedStart: '2027-03-02',
      teamId: 't1',
    });
    const c = confirmContract(r.value, { now: at('2027-02-11'), by: 'leader', siblings: [source] });
    expect(c.ok && c.value.contract).toMatchObject({ startDate: '2027-03-02', endDate: '2028-03-01' });
    expect(c.ok && c.value.superseded).toEqual([]);
  });

  it('in the grace period the renewal starts on confirmation', () => {
    const r = renew('2027-03-10');
    if (!r.ok) throw new Error('setup');
    const c = confirmContract(r.value, { now: at('2027-03-12'), by: 'leader', siblings: [source] });
    expect(c.ok && c.value.contract.startDate).toBe('2027-03-12');
  });

  it('a region may widen the window', () => {
    expect(renew('2026-12-31', ZContractConfig.parse({ renewalWindowDays: 60 })).ok).toBe(true);
  });

  it('terminated, withdrawn, rejected or superseded contracts cannot be renewed', () => {
    for (const status of ['terminated', 'withdrawn', 'rejected', 'superseded', 'pending'] as ContractStatus[])
      expect(
        requestRenewal(
          { ...source, status },
          { id: 'c2', signedBy: 'u1', now: at('2027-02-10'), siblings: [] },
        ).ok,
      ).toBe(false);
  });
});

describe('POLICY 000 changing team means signing again (the old contract ends)', () => {
  const old = active('2026-03-02', '2027-03-01');
  it('same team is refused; another team is a pending change', () => {
    expect(requestTeamChange(old, req({ teamId: 't1', now: at('2026-06-01'), siblings: [old] }))).toEqual({
      ok: false,
      code: 'SAME_TEAM',
    });
    const r = requestTeamChange(old, req({ now: at('2026-06-01'), siblings: [old] }));
    expect(r.ok && r.value).toMatchObject({ kind: 'change', changedFrom: 'c1', status: 'pending' });
  });

  it('on confirmation the old contract is superseded the day before the new one starts', () => {
    const r = requestTeamChange(
      old,
      req({ now: at('2026-06-01'), siblings: [old], requestedStart: '2026-06-15' }),
    );
    if (!r.ok) throw new Error('setup');
    const c = confirmContract(r.value, { now: at('2026-06-03'), by: 'leader2', siblings: [old] });
    if (!c.ok) throw new Error('confirm');
    expect(c.value.contract.startDate).toBe('2026-06-15');
    expect(c.value.superseded).toEqual([
      expect.objectContaining({ _id: 'c1', status: 'superseded', endDate: '2026-06-14', supersededBy: 'c2' }),
    ]);
    const [oldAfter] = c.value.superseded;
    if (!oldAfter) throw new Error('superseded');
    // The old team still serves until the handover, then the new one.
    expect(effectiveStatus(oldAfter, at('2026-06-14'))).toBe('active');
    expect(effectiveStatus(oldAfter, at('2026-06-15'))).toBe('superseded');
    expect(effectiveStatus(c.value.contract, at('2026-06-14'))).toBe('upcoming');
    expect(effectiveStatus(c.value.contract, at('2026-06-15'))).toBe('active');
  });
});

describe('POLICY 000 one team at a time: changing twice before the handover', () => {
  it('a second change cuts both the old contract and the not-yet-started one', () => {
    const a = active('2026-01-01', '2026-12-31');
    const c0 = requestTeamChange(
      a,
      req({ id: 'c2', now: at('2026-06-01'), siblings: [a], requestedStart: '2026-06-30' }),
    );
    if (!c0.ok) throw new Error(c0.code);
    const c1 = confirmContract(c0.value, { now: at('2026-06-01'), by: 'l2', siblings: [a] });
    if (!c1.ok) throw new Error(c1.code);
    const all = [c1.value.contract, ...c1.value.superseded];
    const [a1] = c1.value.superseded;
    if (!a1) throw new Error('superseded');
    const d0 = requestTeamChange(a1, req({ id: 'c3', teamId: 't3', now: at('2026-06-05'), siblings: all }));
    if (!d0.ok) throw new Error(d0.code);
    const d1 = confirmContract(d0.value, { now: at('2026-06-05'), by: 'l3', siblings: all });
    if (!d1.ok) throw new Error(d1.code);
    expect(d1.value.superseded.map((c) => [c._id, c.endDate])).toEqual([
      ['c2', '2026-06-04'],
      ['c1', '2026-06-04'],
    ]);
    const live = [d1.value.contract, ...d1.value.superseded].filter(
      (c) => effectiveStatus(c, at('2026-06-05')) === 'active',
    );
    expect(live.map((c) => c._id)).toEqual(['c3']);
  });
});

describe('POLICY 000 termination with a reason', () => {
  it('every reason ends an active contract; other needs a note', () => {
    for (const reason of TERMINATION_REASONS) {
      const r = terminateContract(active(), { now: at('2026-08-01'), reason });
      if (reason === 'other') expect(r).toEqual({ ok: false, code: 'REASON_REQUIRED' });
      else expect(r.ok && r.value).toMatchObject({ status: 'terminated', terminationReason: reason });
    }
    const withNote = terminateContract(active(), {
      now: at('2026-08-01'),
      reason: 'other',
      note: '长期外出务工',
    });
    expect(withNote.ok && withNote.value.terminationNote).toBe('长期外出务工');
  });

  it('only a live or upcoming active contract can be terminated', () => {
    for (const status of CONTRACT_STATUSES.filter((s) => s !== 'active'))
      expect(
        terminateContract({ ...active(), status }, { now: at('2026-08-01'), reason: 'moved_away' }).ok,
      ).toBe(false);
    expect(terminateContract(active(), { now: at('2027-03-02'), reason: 'moved_away' })).toEqual({
      ok: false,
      code: 'ILLEGAL_TRANSITION',
    });
  });

  it('every failure is one of the stable error codes', () => {
    const r = terminateContract(
      { ...active(), status: 'expired' },
      { now: at('2026-08-01'), reason: 'deceased' },
    );
    expect(r.ok ? null : (ERROR_CODES as readonly string[]).includes(r.code)).toBe(true);
  });
});
