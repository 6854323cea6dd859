import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { demoIdNumber } from '../../scripts/seed/demo-identities';
import { GRID_DEMO } from '../../scripts/seed/grid';
import { COLLECTIONS } from '../../shared/constants/collections';
import type { TestEmulator } from '../support/emulator';
import { startSeededEmulator } from '../support/identity';

// The grid worker's offline queue (client/src/services/grid.ts) over the real H5 transport
// (client/src/services/transport.ts → fetch → the emulator's gateway → the built grid function).
// Only Taro's storage is replaced by an in-memory map: the device.

declare global {
  // The H5 build's constant (client/global.d.ts); set per test to point the transport anywhere.
  const GATEWAY_BASE: string;
}

const storage = new Map<string, unknown>();
jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: {
    getStorageSync: (k: string) => storage.get(k) ?? '',
    setStorageSync: (k: string, v: unknown) => storage.set(k, JSON.parse(JSON.stringify(v))),
    onNetworkStatusChange: () => undefined,
  },
}));

import { flushQueue, newRequestId, pendingWrites, submit } from '../../client/src/services/grid';
import { DEMO_OPENID_KEY } from '../../client/src/services/transport';

let emu: TestEmulator;
const setGateway = (url: string) => {
  (globalThis as { GATEWAY_BASE?: string }).GATEWAY_BASE = url;
};
const db = () => emu.sdkApp().database();
const householdsAt = async (address: string) =>
  (await db().collection(COLLECTIONS.households).where({ address }).count()).total;

/** A gateway that passes requests on but loses every answer (signal gone on the way back). */
let lossy: http.Server;
let lossyUrl = '';

beforeAll(async () => {
  emu = await startSeededEmulator(['grid']);
  storage.set(DEMO_OPENID_KEY, GRID_DEMO.workerOpenid);
  lossy = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      await fetch(emu.url + (req.url ?? ''), {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-jy-openid': String(req.headers['x-jy-openid'] ?? ''),
        },
        body: Buffer.concat(chunks),
      }).then((r) => r.text());
      res.socket?.destroy();
    });
  });
  await new Promise<void>((r) => lossy.listen(0, '127.0.0.1', r));
  lossyUrl = `http://127.0.0.1:${(lossy.address() as AddressInfo).port}`;
}, 180_000);
afterAll(async () => {
  await new Promise((r) => lossy?.close(r));
  await emu?.close();
});

describe('offline queue', () => {
  it('a registration made with the transport down is queued, then delivered exactly once', async () => {
    setGateway('http://127.0.0.1:1'); // nothing listens: every call fails like no signal
    const address = '东门社区幸福路201号';
    const r = await submit(
      'registerHousehold',
      {
        requestId: newRequestId(),
        gridId: GRID_DEMO.gridId,
        address,
        members: [{ name: '冯春生', idNumber: demoIdNumber('330102', '1961-03-03', 811), relation: 'head' }],
      },
      address,
    );
    expect(r).toEqual({ queued: true });
    expect(pendingWrites()).toHaveLength(1);
    expect(await householdsAt(address)).toBe(0);

    // Still down: flushing keeps it.
    expect(await flushQueue()).toEqual({ sent: 0, failed: 0 });
    expect(pendingWrites()).toHaveLength(1);

    setGateway(emu.url);
    expect(await flushQueue()).toEqual({ sent: 1, failed: 0 });
    expect(pendingWrites()).toHaveLength(0);
    expect(await householdsAt(address)).toBe(1);
    // Nothing left to send: a second flush sends nothing and writes nothing.
    expect(await flushQueue()).toEqual({ sent: 0, failed: 0 });
    expect(await householdsAt(address)).toBe(1);
    const { total } = await db().collection(COLLECTIONS.residents).where({ name: '冯春生' }).count();
    expect(total).toBe(1);
  }, 60_000);

  it('a write whose answer was lost is resent and the server keeps one copy (request id)', async () => {
    setGateway(lossyUrl);
    const address = '东门社区幸福路202号';
    const requestId = newRequestId();
    const r = await submit('registerHousehold', { requestId, gridId: GRID_DEMO.gridId, address }, address);
    expect(r).toEqual({ queued: true });
    // The server did receive it.
    expect(await householdsAt(address)).toBe(1);
    setGateway(emu.url);
    expect(await flushQueue()).toEqual({ sent: 1, failed: 0 });
    expect(await householdsAt(address)).toBe(1);
  }, 60_000);

  it('writes queue in order; a report waits behind the registration it follows', async () => {
    setGateway('http://127.0.0.1:1');
    const a = await submit(
      'addMember',
      {
        requestId: newRequestId(),
        householdId: 'hh-dm-39',
        name: '韩梅梅',
        idNumber: demoIdNumber('330102', '1972-07-07', 812),
        relation: 'head',
      },
      '幸福路39号 韩梅梅',
    );
    expect(a).toEqual({ queued: true });
    const b = await submit(
      'report',
      { requestId: newRequestId(), householdId: 'hh-dm-39', kind: 'urgent_mental', note: '邻居反映' },
      '幸福路39号 紧急',
    );
    expect(b).toEqual({ queued: true });
    expect(pendingWrites().map((q) => q.action)).toEqual(['addMember', 'report']);
    setGateway(emu.url);
    expect(await flushQueue()).toEqual({ sent: 2, failed: 0 });
    const { total } = await db().collection(COLLECTIONS.reports).where({ householdId: 'hh-dm-39' }).count();
    expect(total).toBe(1);
  }, 60_000);

  it('a refusal on arrival leaves the queue and is kept to show, never retried forever', async () => {
    setGateway('http://127.0.0.1:1');
    await submit(
      'addMember',
      {
        requestId: newRequestId(),
        householdId: 'hh-qs-1',
        name: '越界人',
        idNumber: demoIdNumber('330102', '1975-05-05', 813),
      },
      '青山村 越界',
    );
    setGateway(emu.url);
    expect(await flushQueue()).toEqual({ sent: 0, failed: 1 });
    expect(pendingWrites()).toHaveLength(0);
    expect(storage.get('jy.grid.queue.failed')).toEqual([expect.objectContaining({ code: 'OUT_OF_SCOPE' })]);
  }, 60_000);
});
