import { COLLECTIONS } from '../../shared/constants/collections';
import { ERROR_MESSAGES } from '../../shared/constants/messages';
import type { TestEmulator } from '../support/emulator';
import { startSeededEmulator } from '../support/identity';
import { type Any, callAppt, makeResident, pinClock, signTo, WANG_SCHEDULE } from './appointment-support';

// Every appointment action through the real SDK against the emulator, with the clock pinned to
// Wednesday 2026-11-25 10:00 in Shanghai. Dr Wang (st-cg-1, demo-doctor-cg-1) leads team-cg-1.
const ADMIN = 'demo-admin-cg';
const DOCTOR = 'demo-doctor-cg-1';
const OTHER_DOCTOR = 'demo-doctor-qs-1';
const NOW = '2026-11-25T10:00:00+08:00';
let emu: TestEmulator;
let db: Any;

const count = async (c: string, where: object = {}) =>
  (await db.collection(c).where(where).count()).total as number;
const expectRefused = (r: Any, code: string) => {
  expect(r).toMatchObject({ ok: false, code, message: ERROR_MESSAGES[code as keyof typeof ERROR_MESSAGES] });
};

beforeAll(async () => {
  emu = await startSeededEmulator(['user', 'appointment']);
  db = emu.sdkApp().database();
  pinClock(emu, NOW);
  const set = await callAppt(emu, 'setSchedule', WANG_SCHEDULE, ADMIN);
  expect(set).toMatchObject({
    ok: true,
    data: { scheduleId: 'sch-st-cg-1' },
  });
});
afterAll(() => emu?.close());

describe('schedules', () => {
  it('admin and team doctors read the schedule; other teams are out of scope', async () => {
    const r = await callAppt(emu, 'schedules', { teamId: 'team-cg-1' }, DOCTOR);
    expect(r.ok).toBe(true);
    expect(r.data.schedules[0]).toMatchObject({ scheduleId: 'sch-st-cg-1', doctorName: '王建国' });
    expect(r.data.doctors.map((d: Any) => d.staffId)).toContain('st-cg-1');
    expectRefused(await callAppt(emu, 'schedules', { teamId: 'team-cg-1' }, OTHER_DOCTOR), 'OUT_OF_SCOPE');
    expectRefused(await callAppt(emu, 'schedules', { teamId: 'team-none' }, ADMIN), 'TEAM_NOT_FOUND');
  });

  it('refuses overlapping sessions and unknown doctors, writing nothing', async () => {
    const before = (await db.collection(COLLECTIONS.schedules).doc('sch-st-cg-1').get()).data[0].updatedAt;
    const overlapping = {
      ...WANG_SCHEDULE,
      weekly: [
        { weekday: 1, start: '08:00', end: '11:00', capacity: 5 },
        { weekday: 1, start: '10:30', end: '12:00', capacity: 5 },
      ],
    };
    expectRefused(await callAppt(emu, 'setSchedule', overlapping, ADMIN), 'SCHEDULE_OVERLAP');
    expectRefused(
      await callAppt(emu, 'setSchedule', { ...WANG_SCHEDULE, doctorId: 'st-qs-1' }, ADMIN),
      'NOT_FOUND',
    );
    expectRefused(await callAppt(emu, 'setSchedule', WANG_SCHEDULE, 'demo-resident-1'), 'FORBIDDEN');
    const bad = await callAppt(emu, 'setSchedule', { ...WANG_SCHEDULE, weekly: [{ weekday: 9 }] }, ADMIN);
    expect(bad).toMatchObject({ ok: false, code: 'BAD_INPUT' });
    expect((await db.collection(COLLECTIONS.schedules).doc('sch-st-cg-1').get()).data[0].updatedAt).toEqual(
      before,
    );
  });
});

describe('availability', () => {
  it('lists Thursday slots for an unsigned resident with held seats deducted; none beyond 14 days', async () => {
    const r = await callAppt(
      emu,
      'availability',
      { teamId: 'team-cg-1', from: '2026-11-26', to: '2026-12-16' },
      'demo-resident-3',
    );
    expect(r.ok).toBe(true);
    expect(r.data.signed).toBe(false);
    const first = r.data.slots[0];
    expect(first).toMatchObject({
      slotId: 'sch-st-cg-1-20261126-0800',
      day: '2026-11-26',
      time: '08:00',
      start: '2026-11-26T00:00:00.000Z',
      doctorName: '王建国',
    });
    // Tomorrow 08:00 is 22 h away: its held seats are released (10 left); next week still holds 3.
    expect(first.seatsLeft).toBe(10);
    expect(r.data.slots.find((s: Any) => s.slotId === 'sch-st-cg-1-20261201-0800').seatsLeft).toBe(7);
    const days = new Set(r.data.slots.map((s: Any) => s.day));
    expect(days.has('2026-12-09')).toBe(true);
    expect(days.has('2026-12-10')).toBe(false);
    expect(days.has('2026-12-03')).toBe(false); // leave
    expect(r.data.slots.filter((s: Any) => s.day === '2026-12-05').map((s: Any) => s.kind)).toEqual([
      'outreach',
    ]);
  });

  it('a signed resident sees the priority window and every seat', async () => {
    const me = await makeResident(emu, 'signed-a', { signedTo: 'team-cg-1' });
    const r = await callAppt(
      emu,
      'availability',
      { teamId: 'team-cg-1', from: '2026-12-10', to: '2026-12-16' },
      me.openid,
    );
    expect(r.data.signed).toBe(true);
    expect(r.data.slots.length).toBe(5 * 6);
    expect(r.data.slots.every((s: Any) => s.priority && s.seatsLeft === 10)).toBe(true);
  });

  it('asking for a stranger gives the public view; unknown team refused', async () => {
    const r = await callAppt(
      emu,
      'availability',
      { teamId: 'team-cg-1', from: '2026-12-10', to: '2026-12-10', residentId: 'res-signed-a' },
      'demo-resident-3',
    );
    expect(r.data).toEqual({ signed: false, slots: [] });
    expectRefused(
      await callAppt(
        emu,
        'availability',
        { teamId: 'team-x', from: '2026-12-01', to: '2026-12-01' },
        'demo-resident-3',
      ),
      'TEAM_NOT_FOUND',
    );
    const wide = await callAppt(
      emu,
      'availability',
      { teamId: 'team-cg-1', from: '2026-12-01', to: '2027-02-01' },
      'demo-resident-3',
    );
    expect(wide).toMatchObject({ ok: false, code: 'BAD_INPUT' });
  });
});

describe('book, cancel, reschedule', () => {
  it('books, queues two reminders and a subscribe credit, then cancels with a reason', async () => {
    const me = await makeResident(emu, 'book-a', { signedTo: 'team-cg-1' });
    const slotId = 'sch-st-cg-1-20261130-0900';
    const r = await callAppt(emu, 'book', { slotId, residentId: me.residentId, subscribed: true }, me.openid);
    expect(r).toMatchObject({
      ok: true,
      data: { slotId, status: 'booked', day: '2026-11-30', time: '09:00', doctorName: '王建国' },
    });
    const id = r.data.appointmentId;
    const outbox = (await db.collection(COLLECTIONS.outbox).where({ 'ref.id': id }).get()).data;
    expect(outbox.map((o: Any) => o._id).sort()).toEqual([
      `apptrem_${id}_202611300100_before`,
      `apptrem_${id}_202611300100_eve`,
    ]);
    expect(outbox[0]).toMatchObject({
      status: 'queued',
      template: 'appointmentReminder',
      to: { residentId: me.residentId },
    });
    expect(await count(COLLECTIONS.subscriptions)).toBeGreaterThanOrEqual(1);
    expect((await db.collection(COLLECTIONS.slots).doc(slotId).get()).data[0]).toMatchObject({
      booked: 1,
      unsignedBooked: 0,
    });

    expectRefused(
      await callAppt(emu, 'book', { slotId, residentId: me.residentId }, me.openid),
      'ALREADY_BOOKED',
    );
    const noReason = await callAppt(emu, 'cancel', { appointmentId: id, reason: ' ' }, me.openid);
    expect(noReason).toMatchObject({ ok: false, code: 'BAD_INPUT' });
    const c = await callAppt(emu, 'cancel', { appointmentId: id, reason: '临时出差' }, me.openid);
    expect(c).toMatchObject({ ok: true, data: { status: 'cancelled', cancelReason: '临时出差' } });
    expect((await db.collection(COLLECTIONS.slots).doc(slotId).get()).data[0].booked).toBe(0);
    expect(
      (await db.collection(COLLECTIONS.outbox).where({ 'ref.id': id, status: 'queued' }).count()).total,
    ).toBe(0);
    expectRefused(
      await callAppt(emu, 'cancel', { appointmentId: id, reason: '再取消' }, me.openid),
      'ILLEGAL_TRANSITION',
    );
  });

  it('refuses bad bookings with stable codes and writes nothing', async () => {
    const me = await makeResident(emu, 'bad-a');
    const other = await makeResident(emu, 'bad-b');
    const before = await count(COLLECTIONS.appointments);
    const cases: [object, string][] = [
      [{ slotId: 'sch-st-cg-1-20261125-0800', residentId: me.residentId }, 'SLOT_IN_PAST'],
      [{ slotId: 'sch-st-cg-1-20261125-1030', residentId: me.residentId }, 'SLOT_TOO_SOON'],
      [{ slotId: 'sch-st-cg-1-20261126-0815', residentId: me.residentId }, 'SLOT_NOT_FOUND'], // off the grid
      [{ slotId: 'sch-st-cg-1-20261129-0900', residentId: me.residentId }, 'SLOT_NOT_FOUND'], // Sunday
      [{ slotId: 'sch-st-cg-1-20261203-0900', residentId: me.residentId }, 'SLOT_NOT_FOUND'], // leave
      [{ slotId: 'sch-nobody-20261126-0900', residentId: me.residentId }, 'SLOT_NOT_FOUND'],
      [{ slotId: 'sch-st-cg-1-20261214-0900', residentId: me.residentId }, 'SLOT_NOT_OPEN'], // beyond 14 days
      [{ slotId: 'sch-st-cg-1-20261126-0900', residentId: other.residentId }, 'OUT_OF_SCOPE'], // not family
    ];
    for (const [input, code] of cases) expectRefused(await callAppt(emu, 'book', input, me.openid), code);
    expectRefused(
      await callAppt(emu, 'book', { slotId: 'sch-st-cg-1-20261126-0900', residentId: me.residentId }, DOCTOR),
      'FORBIDDEN',
    );
    expect(await count(COLLECTIONS.appointments)).toBe(before);
  });

  it('books for a family member; a stranger cannot cancel it; the doctor can', async () => {
    const r = await callAppt(
      emu,
      'book',
      { slotId: 'sch-st-cg-1-20261201-0800', residentId: 'res-demo-1m' },
      'demo-resident-1',
    );
    expect(r).toMatchObject({ ok: true, data: { residentId: 'res-demo-1m', residentName: '周桂英' } });
    const id = r.data.appointmentId;
    expectRefused(
      await callAppt(emu, 'cancel', { appointmentId: id, reason: '不是我的' }, 'demo-resident-3'),
      'OUT_OF_SCOPE',
    );
    expectRefused(
      await callAppt(emu, 'cancel', { appointmentId: id, reason: '别的团队' }, OTHER_DOCTOR),
      'OUT_OF_SCOPE',
    );
    expectRefused(
      await callAppt(emu, 'cancel', { appointmentId: 'ap_missing', reason: '无' }, 'demo-resident-1'),
      'APPOINTMENT_NOT_FOUND',
    );
    const c = await callAppt(emu, 'cancel', { appointmentId: id, reason: '医生临时停诊' }, DOCTOR);
    expect(c).toMatchObject({ ok: true, data: { status: 'cancelled' } });
  });

  it('reschedules in one commit: old seat back, new seat taken, overlap ignored for the moved booking', async () => {
    const me = await makeResident(emu, 'move-a', { signedTo: 'team-cg-1' });
    const a = await callAppt(
      emu,
      'book',
      { slotId: 'sch-st-cg-1-20261202-0800', residentId: me.residentId },
      me.openid,
    );
    const r = await callAppt(
      emu,
      'reschedule',
      { appointmentId: a.data.appointmentId, slotId: 'sch-st-cg-1-20261202-0830' },
      me.openid,
    );
    expect(r).toMatchObject({ ok: true, data: { time: '08:30', status: 'booked' } });
    expect(
      (await db.collection(COLLECTIONS.appointments).doc(a.data.appointmentId).get()).data[0],
    ).toMatchObject({ status: 'cancelled', rescheduledTo: r.data.appointmentId });
    expect(
      (await db.collection(COLLECTIONS.slots).doc('sch-st-cg-1-20261202-0800').get()).data[0].booked,
    ).toBe(0);
    expectRefused(
      await callAppt(
        emu,
        'reschedule',
        { appointmentId: r.data.appointmentId, slotId: 'sch-st-cg-1-20261125-0800' },
        me.openid,
      ),
      'SLOT_IN_PAST',
    );
    expectRefused(
      await callAppt(
        emu,
        'reschedule',
        { appointmentId: a.data.appointmentId, slotId: 'sch-st-cg-1-20261202-0900' },
        me.openid,
      ),
      'ILLEGAL_TRANSITION',
    );
  });

  it('no overlapping bookings across doctors of one resident', async () => {
    const me = await makeResident(emu, 'overlap-a');
    expect(
      (
        await callAppt(
          emu,
          'book',
          { slotId: 'sch-st-cg-1-20261204-0900', residentId: me.residentId },
          me.openid,
        )
      ).ok,
    ).toBe(true);
    await db
      .collection(COLLECTIONS.schedules)
      .doc('sch-st-cg-2')
      .set({
        ...WANG_SCHEDULE,
        teamId: 'team-cg-1',
        doctorId: 'st-cg-2',
        doctorName: '李晓梅',
        exceptions: [],
        outreach: [],
        institutionId: 'inst-cg',
      });
    expectRefused(
      await callAppt(
        emu,
        'book',
        { slotId: 'sch-st-cg-2-20261204-0900', residentId: me.residentId },
        me.openid,
      ),
      'ALREADY_BOOKED',
    );
    await db.collection(COLLECTIONS.schedules).doc('sch-st-cg-2').remove();
  });

  it('3 no-shows in 90 days restrict self-booking', async () => {
    const me = await makeResident(emu, 'noshow-a');
    for (const [i, day] of ['2026-09-01', '2026-10-10', '2026-11-20'].entries())
      await db
        .collection(COLLECTIONS.appointments)
        .doc(`ap_ns_${i}`)
        .set({
          type: 'slot',
          residentId: me.residentId,
          teamId: 'team-cg-1',
          status: 'no_show',
          day,
          start: new Date(`${day}T01:00:00Z`),
          end: new Date(`${day}T01:30:00Z`),
        });
    expectRefused(
      await callAppt(
        emu,
        'book',
        { slotId: 'sch-st-cg-1-20261207-0900', residentId: me.residentId },
        me.openid,
      ),
      'BOOKING_RESTRICTED',
    );
  });
});

describe('concurrency: the last seat', () => {
  it('30 concurrent bookers for the last seat → exactly 1 booking', async () => {
    // The outreach slot on 2026-12-05 09:00 has 3 seats (none held: floor(3 × 0.3) = 0).
    const slotId = 'sch-st-cg-1-20261205-0900';
    const first = await Promise.all([1, 2].map((i) => makeResident(emu, `early-${i}`)));
    for (const p of first)
      expect((await callAppt(emu, 'book', { slotId, residentId: p.residentId }, p.openid)).ok).toBe(true);
    const crowd = await Promise.all(Array.from({ length: 30 }, (_, i) => makeResident(emu, `crowd-${i}`)));
    const results = await Promise.all(
      crowd.map((p) => callAppt(emu, 'book', { slotId, residentId: p.residentId }, p.openid)),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => r.code)).toEqual(Array(29).fill('SLOT_FULL'));
    expect(await count(COLLECTIONS.appointments, { slotId, status: 'booked' })).toBe(3);
    expect((await db.collection(COLLECTIONS.slots).doc(slotId).get()).data[0].booked).toBe(3);
  });

  it('30 concurrent first bookers of an untouched slot create its counter once → exactly the open seats', async () => {
    // Tuesday 10:30 clinic: 10 seats, 3 held for signed residents (> 24 h ahead) → 7 for the unsigned.
    // No counter exists yet: the bookers race to create it inside their transactions.
    const slotId = 'sch-st-cg-1-20261208-1030';
    expect((await db.collection(COLLECTIONS.slots).doc(slotId).get()).data).toHaveLength(0);
    const crowd = await Promise.all(Array.from({ length: 30 }, (_, i) => makeResident(emu, `fresh-${i}`)));
    const results = await Promise.all(
      crowd.map((p) => callAppt(emu, 'book', { slotId, residentId: p.residentId }, p.openid)),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(7);
    expect(results.filter((r) => !r.ok).map((r) => r.code)).toEqual(Array(23).fill('SLOT_FULL'));
    expect(await count(COLLECTIONS.appointments, { slotId, status: 'booked' })).toBe(7);
    expect((await db.collection(COLLECTIONS.slots).doc(slotId).get()).data[0]).toMatchObject({
      teamId: 'team-cg-1',
      day: '2026-12-08',
      booked: 7,
      unsignedBooked: 7,
    });
  });
});

describe('doctor side: agenda, attended, no-show', () => {
  it('the agenda lists the day; attended records a contact; no-show only after the end', async () => {
    const me = await makeResident(emu, 'agenda-a', { signedTo: 'team-cg-1' });
    const b = await callAppt(
      emu,
      'book',
      { slotId: 'sch-st-cg-1-20261127-0900', residentId: me.residentId },
      me.openid,
    );
    const id = b.data.appointmentId;
    const day = await callAppt(emu, 'agenda', { teamId: 'team-cg-1', day: '2026-11-27' }, DOCTOR);
    expect(day.data.appointments.map((a: Any) => a.appointmentId)).toContain(id);
    const week = await callAppt(
      emu,
      'agenda',
      { teamId: 'team-cg-1', day: '2026-11-23', span: 'week' },
      ADMIN,
    );
    expect(week.data.appointments.map((a: Any) => a.appointmentId)).toContain(id);
    expectRefused(
      await callAppt(emu, 'agenda', { teamId: 'team-cg-1', day: '2026-11-27' }, OTHER_DOCTOR),
      'OUT_OF_SCOPE',
    );
    expectRefused(
      await callAppt(emu, 'agenda', { teamId: 'team-cg-1', day: '2026-11-27' }, me.openid),
      'FORBIDDEN',
    );

    expectRefused(await callAppt(emu, 'markAttended', { appointmentId: id }, DOCTOR), 'ILLEGAL_TRANSITION'); // 2 days early
    expectRefused(await callAppt(emu, 'markNoShow', { appointmentId: id }, DOCTOR), 'ILLEGAL_TRANSITION');
    pinClock(emu, '2026-11-27T09:05:00+08:00');
    expectRefused(await callAppt(emu, 'markAttended', { appointmentId: id }, OTHER_DOCTOR), 'OUT_OF_SCOPE');
    expect(await callAppt(emu, 'markAttended', { appointmentId: id }, DOCTOR)).toMatchObject({
      ok: true,
      data: { status: 'attended' },
    });
    expect((await db.collection(COLLECTIONS.contacts).doc(`ct_${id}`).get()).data[0]).toMatchObject({
      residentId: me.residentId,
      teamId: 'team-cg-1',
      day: '2026-11-27',
      channel: 'visit',
    });
    expectRefused(await callAppt(emu, 'markNoShow', { appointmentId: id }, DOCTOR), 'ILLEGAL_TRANSITION');

    const other = await makeResident(emu, 'agenda-b');
    pinClock(emu, NOW);
    const c = await callAppt(
      emu,
      'book',
      { slotId: 'sch-st-cg-1-20261127-0930', residentId: other.residentId },
      other.openid,
    );
    pinClock(emu, '2026-11-27T10:00:00+08:00');
    expect(await callAppt(emu, 'markNoShow', { appointmentId: c.data.appointmentId }, DOCTOR)).toMatchObject({
      ok: true,
      data: { status: 'no_show' },
    });
    pinClock(emu, NOW);
  });

  it('mine lists own and family bookings', async () => {
    const r = await callAppt(emu, 'mine', {}, 'demo-resident-1');
    expect(r.ok).toBe(true);
    expect(r.data.appointments.some((a: Any) => a.residentId === 'res-demo-1m')).toBe(true);
    expectRefused(await callAppt(emu, 'mine', {}, DOCTOR), 'FORBIDDEN');
  });
});

describe('home visits', () => {
  it('an elderly signed resident requests; the team accepts with a time', async () => {
    const me = await makeResident(emu, 'hv-a', { signedTo: 'team-cg-1', birthDate: '1950-05-01' });
    const r = await callAppt(
      emu,
      'requestHomeVisit',
      {
        residentId: me.residentId,
        need: 'elderly',
        preferredDay: '2026-11-28',
        address: '东门街道幸福里3幢201',
        reason: '行动不便，需要测血压',
      },
      me.openid,
    );
    expect(r).toMatchObject({ ok: true, data: { status: 'requested', teamId: 'team-cg-1' } });
    const id = r.data.homeVisitId;
    const agenda = await callAppt(emu, 'agenda', { teamId: 'team-cg-1', day: '2026-11-28' }, DOCTOR);
    expect(agenda.data.homeVisits.map((h: Any) => h.homeVisitId)).toContain(id);
    expectRefused(
      await callAppt(
        emu,
        'acceptHomeVisit',
        { homeVisitId: id, visitDay: '2026-11-25', time: '09:00' },
        DOCTOR,
      ),
      'START_IN_PAST',
    );
    expectRefused(
      await callAppt(
        emu,
        'acceptHomeVisit',
        { homeVisitId: id, visitDay: '2026-11-28', time: '14:00' },
        OTHER_DOCTOR,
      ),
      'OUT_OF_SCOPE',
    );
    const a = await callAppt(
      emu,
      'acceptHomeVisit',
      { homeVisitId: id, visitDay: '2026-11-28', time: '14:00' },
      DOCTOR,
    );
    expect(a).toMatchObject({ ok: true, data: { status: 'accepted', visitAt: '2026-11-28T06:00:00.000Z' } });
    expectRefused(
      await callAppt(emu, 'declineHomeVisit', { homeVisitId: id, reason: '晚了' }, DOCTOR),
      'ILLEGAL_TRANSITION',
    );
  });

  it('declines with a reason; refuses the ineligible and the unsigned', async () => {
    const me = await makeResident(emu, 'hv-b', { signedTo: 'team-cg-1', tags: ['disabled'] });
    const r = await callAppt(
      emu,
      'requestHomeVisit',
      {
        residentId: me.residentId,
        need: 'disabled',
        preferredDay: '2026-11-30',
        address: '东门街道幸福里5幢101',
        reason: '肢体残疾',
      },
      me.openid,
    );
    const d = await callAppt(
      emu,
      'declineHomeVisit',
      { homeVisitId: r.data.homeVisitId, reason: '请到站点就诊，已安排绿色通道' },
      DOCTOR,
    );
    expect(d).toMatchObject({
      ok: true,
      data: { status: 'declined', declineReason: '请到站点就诊，已安排绿色通道' },
    });
    const young = await makeResident(emu, 'hv-c', { signedTo: 'team-cg-1' });
    const base = {
      need: 'elderly',
      preferredDay: '2026-11-30',
      address: '东门街道幸福里6幢',
      reason: '想请医生上门',
    };
    expectRefused(
      await callAppt(emu, 'requestHomeVisit', { ...base, residentId: young.residentId }, young.openid),
      'HOME_VISIT_NOT_ELIGIBLE',
    );
    const unsigned = await makeResident(emu, 'hv-d', { birthDate: '1940-01-01' });
    expectRefused(
      await callAppt(emu, 'requestHomeVisit', { ...base, residentId: unsigned.residentId }, unsigned.openid),
      'NOT_SIGNED',
    );
    expectRefused(
      await callAppt(
        emu,
        'requestHomeVisit',
        { ...base, residentId: young.residentId, preferredDay: '2026-11-20' },
        young.openid,
      ),
      'START_IN_PAST',
    );
    // The grid worker of the resident's grid may ask on their behalf.
    await signTo(emu, unsigned.residentId, 'team-cg-1');
    expect(
      (
        await callAppt(
          emu,
          'requestHomeVisit',
          { ...base, residentId: unsigned.residentId },
          'demo-grid-cg-dm-g1',
        )
      ).ok,
    ).toBe(true);
    expectRefused(
      await callAppt(
        emu,
        'requestHomeVisit',
        { ...base, residentId: unsigned.residentId },
        'demo-grid-qs-qs-g1',
      ),
      'OUT_OF_SCOPE',
    );
  });
});

describe('late changes and unknown home visits', () => {
  afterAll(() => pinClock(emu, NOW));

  it('a resident cannot cancel within the change cut-off before the visit: TOO_LATE_TO_CHANGE', async () => {
    const me = await makeResident(emu, 'late-a', { signedTo: 'team-cg-1' });
    const slotId = 'sch-st-cg-1-20261130-0930';
    const r = await callAppt(emu, 'book', { slotId, residentId: me.residentId }, me.openid);
    expect(r).toMatchObject({ ok: true, data: { status: 'booked' } });
    // 30 minutes before a 09:30 visit, inside the 60-minute cut-off (docs/appointment.md).
    pinClock(emu, '2026-11-30T09:00:00+08:00');
    expectRefused(
      await callAppt(emu, 'cancel', { appointmentId: r.data.appointmentId, reason: '临时有事' }, me.openid),
      'TOO_LATE_TO_CHANGE',
    );
    expect(
      (await db.collection(COLLECTIONS.appointments).doc(r.data.appointmentId).get()).data[0].status,
    ).toBe('booked');
  });

  it('answering a home visit that does not exist is HOME_VISIT_NOT_FOUND', async () => {
    pinClock(emu, NOW);
    expectRefused(
      await callAppt(
        emu,
        'acceptHomeVisit',
        { homeVisitId: 'hv-missing', visitDay: '2026-11-30', time: '15:00' },
        DOCTOR,
      ),
      'HOME_VISIT_NOT_FOUND',
    );
    expectRefused(
      await callAppt(emu, 'declineHomeVisit', { homeVisitId: 'hv-missing', reason: '人手不足' }, DOCTOR),
      'HOME_VISIT_NOT_FOUND',
    );
  });
});

describe('one record per tap (issue 12)', () => {
  it('a home-visit request sent twice with the same request id (double tap, retry) is one request', async () => {
    const me = await makeResident(emu, 'hv-twice', { signedTo: 'team-cg-1', birthDate: '1948-02-03' });
    const input = {
      residentId: me.residentId,
      need: 'elderly',
      preferredDay: '2026-11-27',
      address: '东门街道幸福里5幢102',
      reason: '需要换药',
      requestId: 'tap-hv-1',
    };
    const [a, b] = await Promise.all([
      callAppt(emu, 'requestHomeVisit', input, me.openid),
      callAppt(emu, 'requestHomeVisit', input, me.openid),
    ]);
    expect(a).toMatchObject({ ok: true, data: { status: 'requested' } });
    expect(b).toEqual(a);
    expect(await count(COLLECTIONS.appointments, { type: 'home_visit', residentId: me.residentId })).toBe(1);
    const again = await callAppt(emu, 'requestHomeVisit', { ...input, requestId: 'tap-hv-2' }, me.openid);
    expect(again.data.homeVisitId).not.toBe(a.data.homeVisitId);
  });
});
