import { fireEvent, render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import MyAppointments from '../../client/src/pages/appointments/index';
import Booking from '../../client/src/pages/booking/index';
import { ThemeProvider } from '../../client/src/theme/theme';

type Call = { url: string; body: { action: string; input: Record<string, unknown> } };

/** Fetch stubbed at the gateway: `answer` gets `fn.action` and returns the function's envelope. */
function stubGateway(answer: (key: string, input: Record<string, unknown>) => unknown) {
  const calls: Call[] = [];
  globalThis.fetch = (async (url: string, init: RequestInit) => {
    const body = JSON.parse(String(init.body));
    calls.push({ url, body });
    const fn = url.split('/').pop();
    return { json: async () => ({ result: answer(`${fn}.${body.action}`, body.input) }) } as Response;
  }) as typeof fetch;
  return calls;
}

const ok = (data: unknown) => ({ ok: true, data });
const actions = (calls: Call[]) => calls.map((c) => `${c.url.split('/').pop()}.${c.body.action}`);
const wrap = (node: ReactNode) => render(<ThemeProvider>{node}</ThemeProvider>);

// Days relative to the real clock: the pages decide "upcoming" with the device's time.
const DAY = 86_400_000;
const shanghai = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);
const at = (offsetDays: number, hhmm: string) => {
  const day = shanghai(Date.now() + offsetDays * DAY);
  return { day, start: new Date(`${day}T${hhmm}:00+08:00`).toISOString() };
};
const slot = (offsetDays: number, hhmm: string, seatsLeft: number) => {
  const { day, start } = at(offsetDays, hhmm);
  return {
    slotId: `sch-st-cg-1-${day.replace(/-/g, '')}-${hhmm.replace(':', '')}`,
    doctorId: 'st-cg-1',
    doctorName: '王建国',
    day,
    time: hhmm,
    start,
    end: new Date(new Date(start).getTime() + 30 * 60_000).toISOString(),
    capacity: 6,
    booked: 6 - seatsLeft,
    seatsLeft,
    location: '东门社区卫生服务站',
    kind: 'clinic',
    priority: false,
  };
};
const appointment = (id: string, offsetDays: number, hhmm: string, status: string, over = {}) => {
  const s = slot(offsetDays, hhmm, 1);
  return {
    appointmentId: id,
    slotId: s.slotId,
    residentId: 'res-demo-1',
    residentName: '张秀兰',
    doctorId: 'st-cg-1',
    doctorName: '王建国',
    teamId: 'team-cg-1',
    day: s.day,
    time: hhmm,
    start: s.start,
    end: s.end,
    location: s.location,
    kind: 'clinic',
    status,
    ...over,
  };
};
const activeContract = ok({
  contracts: [{ teamId: 'team-cg-1', residentId: 'res-demo-1', residentName: '张秀兰', status: 'active' }],
});

describe('H5 预约 (booking)', () => {
  beforeEach(() => localStorage.clear());

  it('signed resident: date strip → slot → 确认预约 books with subscribed=false on H5', async () => {
    const calls = stubGateway((key, input) => {
      if (key === 'contract.mine') return activeContract;
      if (key === 'appointment.availability')
        return ok({ signed: true, slots: [slot(2, '08:00', 0), slot(2, '08:30', 3), slot(3, '09:00', 5)] });
      if (key === 'appointment.book')
        return ok(appointment('ap1', 2, '08:30', 'booked', { slotId: input.slotId }));
      throw new Error(key);
    });
    wrap(<Booking />);
    expect(await screen.findByText('08:30 王建国')).toBeTruthy();
    expect(screen.getByText('约满')).toBeTruthy();
    expect(screen.getByText('余3个')).toBeTruthy();
    const avail = calls.find((c) => c.body.action === 'availability');
    expect(avail?.body.input).toMatchObject({ teamId: 'team-cg-1', residentId: 'res-demo-1' });
    // A full slot cannot be chosen.
    fireEvent.click(screen.getByText('08:00 王建国'));
    expect(screen.queryByText('确认预约')).toBeNull();
    fireEvent.click(screen.getByText('08:30 王建国'));
    // The confirmation names the patient before and after booking (issue 12).
    expect(
      await screen.findByText(`为 张秀兰 预约：${slot(2, '08:30', 3).day.slice(5)} 08:30 东门社区卫生服务站`),
    ).toBeTruthy();
    fireEvent.click(await screen.findByText('确认预约'));
    expect(
      await screen.findByText(
        `已为 张秀兰 预约 ${slot(2, '08:30', 3).day.slice(5)} 08:30 东门社区卫生服务站，我们会在就诊前提醒`,
      ),
    ).toBeTruthy();
    const booked = calls.find((c) => c.body.action === 'book');
    expect(booked?.body.input).toEqual({
      slotId: slot(2, '08:30', 3).slotId,
      residentId: 'res-demo-1',
      subscribed: false,
    });
    // Another day from the strip shows its own slots.
    fireEvent.click(screen.getByText(slot(3, '09:00', 5).day.slice(5)));
    expect(await screen.findByText('09:00 王建国')).toBeTruthy();
    expect(screen.queryByText('08:30 王建国')).toBeNull();
  });

  it('shows the refusal in Chinese when the slot filled meanwhile', async () => {
    stubGateway((key) => {
      if (key === 'contract.mine') return activeContract;
      if (key === 'appointment.availability') return ok({ signed: true, slots: [slot(2, '08:30', 1)] });
      if (key === 'appointment.book')
        return { ok: false, code: 'SLOT_FULL', message: '该时段已约满，请选择其他时段' };
      throw new Error(key);
    });
    wrap(<Booking />);
    fireEvent.click(await screen.findByText('08:30 王建国'));
    fireEvent.click(await screen.findByText('确认预约'));
    expect(await screen.findByText('该时段已约满，请选择其他时段')).toBeTruthy();
  });

  it('without an active contract it says so and asks for no slots', async () => {
    const calls = stubGateway((key) => {
      if (key === 'contract.mine')
        return ok({ contracts: [{ teamId: 't', residentId: 'r', status: 'pending' }] });
      throw new Error(key);
    });
    wrap(<Booking />);
    expect(await screen.findByText('您还没有生效的家庭医生签约，签约后可优先预约。')).toBeTruthy();
    expect(actions(calls)).not.toContain('appointment.availability');
  });
});

describe('H5 预约: who the visit is for (issue 12)', () => {
  beforeEach(() => localStorage.clear());

  const twoSigned = ok({
    contracts: [
      { teamId: 'team-cg-1', residentId: 'res-mom', residentName: '李桂芝', status: 'active' },
      { teamId: 'team-cg-1', residentId: 'res-me', residentName: '周文', status: 'active' },
    ],
  });
  const family = ok({
    members: [
      { residentId: 'res-me', name: '周文', maskedIdNumber: '', relation: 'self', age: 40, tags: [] },
      { residentId: 'res-mom', name: '李桂芝', maskedIdNumber: '', relation: 'parent', age: 75, tags: [] },
    ],
  });

  it('asks who the visit is for, starts with the resident herself, and books for the one chosen', async () => {
    const calls = stubGateway((key, input) => {
      if (key === 'contract.mine') return twoSigned;
      if (key === 'user.listFamily') return family;
      if (key === 'appointment.availability') return ok({ signed: true, slots: [slot(2, '08:30', 3)] });
      if (key === 'appointment.book')
        return ok(appointment('ap9', 2, '08:30', 'booked', { residentId: input.residentId }));
      throw new Error(key);
    });
    wrap(<Booking />);
    expect(await screen.findByText('这次就诊的是谁')).toBeTruthy();
    expect(await screen.findByText('周文（本人）')).toBeTruthy();
    expect(screen.getByText('李桂芝（父母）')).toBeTruthy();
    fireEvent.click(await screen.findByText('08:30 王建国'));
    expect(await screen.findByText(/^为 周文 预约/)).toBeTruthy();
    fireEvent.click(screen.getByText('确认预约'));
    expect(await screen.findByText(/^已为 周文 预约/)).toBeTruthy();
    expect(calls.find((c) => c.body.action === 'book')?.body.input).toMatchObject({ residentId: 'res-me' });
    fireEvent.click(screen.getByText('李桂芝（父母）'));
    fireEvent.click(await screen.findByText('08:30 王建国'));
    expect(await screen.findByText(/^为 李桂芝 预约/)).toBeTruthy();
    fireEvent.click(screen.getByText('确认预约'));
    expect(await screen.findByText(/^已为 李桂芝 预约/)).toBeTruthy();
    const booked = calls.filter((c) => c.body.action === 'book').map((c) => c.body.input.residentId);
    expect(booked).toEqual(['res-me', 'res-mom']);
  });

  it('while loading says it is loading, never that the resident is not signed', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    globalThis.fetch = (async () => {
      await gate;
      return { json: async () => ({ result: twoSigned }) } as Response;
    }) as typeof fetch;
    wrap(<Booking />);
    expect(await screen.findByText('正在加载…')).toBeTruthy();
    expect(screen.queryByText('您还没有生效的家庭医生签约，签约后可优先预约。')).toBeNull();
    release();
  });

  it('a double tap on 确认预约 books once and shows success, not a red error', async () => {
    let books = 0;
    stubGateway((key) => {
      if (key === 'contract.mine') return activeContract;
      if (key === 'appointment.availability') return ok({ signed: true, slots: [slot(2, '08:30', 3)] });
      if (key === 'appointment.book') {
        books++;
        return books === 1
          ? ok(appointment('ap1', 2, '08:30', 'booked'))
          : { ok: false, code: 'ALREADY_BOOKED', message: '您已预约该时段' };
      }
      throw new Error(key);
    });
    wrap(<Booking />);
    fireEvent.click(await screen.findByText('08:30 王建国'));
    const button = await screen.findByText('确认预约');
    fireEvent.click(button);
    fireEvent.click(button);
    expect(await screen.findByText(/^已为 张秀兰 预约/)).toBeTruthy();
    expect(books).toBe(1);
    expect(screen.queryByText('您已预约该时段')).toBeNull();
    expect(document.querySelector('.jy-error')).toBeNull();
  });
});

describe('H5 我的预约', () => {
  beforeEach(() => localStorage.clear());

  const list = () =>
    ok({
      appointments: [
        appointment('ap-past', -3, '09:00', 'attended'),
        appointment('ap-gone', -1, '10:00', 'cancelled', { cancelReason: '临时有事' }),
        appointment('ap-next', 2, '08:30', 'booked'),
      ],
      homeVisits: [],
    });

  it('splits upcoming from past; cancelling needs a reason', async () => {
    const calls = stubGateway((key, input) => {
      if (key === 'appointment.mine') return list();
      if (key === 'appointment.cancel')
        return ok(appointment('ap-next', 2, '08:30', 'cancelled', { cancelReason: input.reason }));
      throw new Error(key);
    });
    wrap(<MyAppointments />);
    const next = await screen.findByTestId('appt-ap-next');
    expect(next.textContent).toContain('待就诊');
    expect(screen.getByTestId('appt-ap-past').textContent).toContain('已到诊');
    expect(screen.getByTestId('appt-ap-gone').textContent).toContain('取消原因：临时有事');
    // Only the upcoming booking offers changes.
    expect(screen.getAllByText('取消预约')).toHaveLength(1);
    expect(screen.getAllByText('改约')).toHaveLength(1);

    fireEvent.click(screen.getByText('取消预约'));
    fireEvent.click(await screen.findByText('确认取消'));
    expect(await screen.findByText('请填写取消原因')).toBeTruthy();
    expect(actions(calls)).not.toContain('appointment.cancel');

    fireEvent.click(screen.getByText('身体已好转'));
    fireEvent.click(screen.getByText('确认取消'));
    expect(await screen.findByText('已取消预约')).toBeTruthy();
    const cancel = calls.find((c) => c.body.action === 'cancel');
    expect(cancel?.body.input).toEqual({ appointmentId: 'ap-next', reason: '身体已好转' });
    expect(actions(calls).filter((a) => a === 'appointment.mine')).toHaveLength(2);
  });

  it('reschedules to another open slot of the same team', async () => {
    const target = slot(4, '10:00', 2);
    const calls = stubGateway((key) => {
      if (key === 'appointment.mine') return list();
      if (key === 'appointment.availability')
        return ok({ signed: true, slots: [slot(2, '08:30', 4), slot(3, '08:00', 0), target] });
      if (key === 'appointment.reschedule') return ok(appointment('ap-next', 4, '10:00', 'booked'));
      throw new Error(key);
    });
    wrap(<MyAppointments />);
    fireEvent.click(await screen.findByText('改约'));
    await screen.findByTestId(`new-slot-${target.slotId}`);
    const avail = calls.find((c) => c.body.action === 'availability');
    expect(avail?.body.input).toMatchObject({ teamId: 'team-cg-1', residentId: 'res-demo-1' });
    // The current slot and full slots are not offered.
    expect(screen.queryByTestId(`new-slot-${slot(2, '08:30', 4).slotId}`)).toBeNull();
    expect(screen.queryByTestId(`new-slot-${slot(3, '08:00', 0).slotId}`)).toBeNull();
    fireEvent.click(screen.getByTestId(`new-slot-${target.slotId}`));
    fireEvent.click(screen.getByText('确认改约'));
    expect(await screen.findByText('改约成功')).toBeTruthy();
    const r = calls.find((c) => c.body.action === 'reschedule');
    expect(r?.body.input).toEqual({ appointmentId: 'ap-next', slotId: target.slotId });
  });
});
