import { userIdFor } from '../../cloudfunctions/_lib/caller';
import { COLLECTIONS } from '../../shared/constants/collections';
import type { TestEmulator } from '../support/emulator';

export type Env = {
  ok: boolean;
  code?: string;
  message?: string;
  data?: Record<string, unknown> & { [k: string]: never };
};
// biome-ignore lint/suspicious/noExplicitAny: envelopes are read loosely in tests
export type Any = any;

/** Pins the emulator clock to a Shanghai wall time (functions read it through _lib/clock). */
export const pinClock = (emu: TestEmulator, iso: string) =>
  emu.setClockOffset(new Date(iso).getTime() - Date.now());

/** Calls `appointment.<action>` as `openid`; returns the envelope. */
export async function callAppt(
  emu: TestEmulator,
  action: string,
  input: unknown,
  openid?: string,
): Promise<Any> {
  const r = await emu.callFn('appointment', { action, input }, openid);
  return r.result;
}

/** A verified resident account with its own person record (no ID data needed for booking). */
export async function makeResident(
  emu: TestEmulator,
  key: string,
  p: { signedTo?: string; birthDate?: string; tags?: string[]; gridId?: string } = {},
): Promise<{ openid: string; residentId: string }> {
  const db = emu.sdkApp().database();
  const openid = `test-${key}`;
  const residentId = `res-${key}`;
  await db
    .collection(COLLECTIONS.residents)
    .doc(residentId)
    .set({
      name: `测试${key}`.slice(0, 10),
      idHash: `test-hash-${key}`,
      birthDate: p.birthDate ?? '1980-01-01',
      tags: p.tags ?? [],
      gridId: p.gridId ?? 'r-cg-dm-g1',
      institutionId: 'inst-cg',
    });
  await db
    .collection(COLLECTIONS.users)
    .doc(userIdFor(openid))
    .set({ openid, role: 'resident', residentId, family: [], createdAt: new Date() });
  if (p.signedTo) await signTo(emu, residentId, p.signedTo);
  return { openid, residentId };
}

/** An active contract for the current year, in the shape the contract function stores. */
export async function signTo(emu: TestEmulator, residentId: string, teamId: string): Promise<void> {
  await emu
    .sdkApp()
    .database()
    .collection(COLLECTIONS.contracts)
    .doc(`ct-${residentId}`)
    .set({
      residentId,
      teamId,
      institutionId: 'inst-cg',
      packageIds: ['pkg-basic'],
      kind: 'new',
      status: 'active',
      signedAt: new Date('2026-01-01T00:00:00Z'),
      signedBy: residentId,
      startDate: '2026-01-01',
      endDate: '2026-12-31',
    });
}

/** Dr Wang's schedule (team-cg-1): Mon–Fri 08:00–11:00, 30-minute slots of 10 (3 held for signed). */
export const WANG_SCHEDULE = {
  doctorId: 'st-cg-1',
  teamId: 'team-cg-1',
  from: '2026-06-01',
  to: '2027-05-31',
  location: '东门社区卫生服务站',
  weekly: [1, 2, 3, 4, 5].map((weekday) => ({
    weekday,
    start: '08:00',
    end: '11:00',
    capacity: 10,
    slotMinutes: 30,
  })),
  outreach: [
    {
      day: '2026-12-05',
      start: '09:00',
      end: '10:00',
      capacity: 3,
      slotMinutes: 60,
      location: '青山村村委会',
    },
  ],
  exceptions: [{ from: '2026-12-03', to: '2026-12-03', kind: 'leave', note: '外出培训' }],
};
