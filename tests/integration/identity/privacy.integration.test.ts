import fs from 'node:fs';
import path from 'node:path';
import { buildFunction } from '../../../scripts/build-functions';
import { functionsOut } from '../../../scripts/functions';
import { seed } from '../../../scripts/seed';
import { demoIdNumber, demoMobile } from '../../../scripts/seed/demo-identities';
import { COLLECTIONS } from '../../../shared/constants/collections';
import { idCheckChar } from '../../../shared/identity';
import { startTestEmulator, type TestEmulator } from '../../support/emulator';
import { callUser, ensureTestKeys } from '../../support/identity';

// Personal data at rest and in logs: after registrations, staff binding and audited full reads,
// no plaintext ID number or phone is in the emulator's data folder, in any log line the run
// produced (emulator log with function stdout/stderr, this process's console), or in an audit
// record. Also the DB requests per login / verifyIdentity from the emulator's metrics.

const people = Array.from({ length: 6 }, (_, i) => ({
  openid: `privacy-resident-${i}`,
  name: `居民${'甲乙丙丁戊己'[i]}`,
  idNumber: demoIdNumber('330106', `19${60 + i}-0${(i % 9) + 1}-1${i}`, 100 + i),
  mobile: `1381234${String(5600 + i)}`,
  parentId: demoIdNumber('330106', `193${i}-11-2${i}`, 200 + i),
}));
const staffMobile = '13612345678';
// Seeded values (generated the same way the seed does).
const seededIds = [
  demoIdNumber('330102', '1968-03-12', 12),
  demoIdNumber('330102', '1940-08-05', 24),
  demoIdNumber('330110', '1985-06-20', 31),
];
const seededMobiles = [1, 2, 3, 100, 101].map(demoMobile);

/**
 * Every checksum-valid resident ID standing alone as a token. A run inside a longer alphanumeric
 * token (a hex id, a digest) is not an ID number, and one in ten such runs passes the checksum.
 */
function validIdsIn(text: string): string[] {
  return [...text.matchAll(/(?<![0-9A-Za-z])\d{17}[\dX](?![0-9A-Za-z])/g)]
    .map((m) => m[0])
    .filter((s) => idCheckChar(s.slice(0, 17)) === s[17]);
}

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(p) : [p];
  });
}

describe('personal data never in the clear', () => {
  let emu: TestEmulator;
  const logged: string[] = [];
  const secrets = () => [
    ...people.flatMap((p) => [p.idNumber, p.mobile, p.parentId]),
    staffMobile,
    ...seededIds,
    ...seededMobiles,
  ];
  const spies: jest.SpyInstance[] = [];

  beforeAll(async () => {
    // Capture everything this process prints, including the emulator's log (not quiet).
    for (const m of ['log', 'info', 'warn', 'error', 'debug'] as const)
      spies.push(
        jest
          .spyOn(console, m)
          .mockImplementation((...a: unknown[]) => void logged.push(a.map(String).join(' '))),
      );
    ensureTestKeys();
    await buildFunction('user');
    emu = await startTestEmulator({ functionsDir: functionsOut, quiet: false });
    await seed(emu.url);
    for (const p of people) {
      expect((await callUser(emu, 'login', {}, p.openid)).ok).toBe(true);
      const v = await callUser(
        emu,
        'verifyIdentity',
        { name: p.name, idNumber: p.idNumber, mobile: p.mobile, consent: true },
        p.openid,
      );
      expect(v).toMatchObject({ ok: true });
      const f = await callUser(
        emu,
        'addFamilyMember',
        { name: '家长', idNumber: p.parentId, relation: 'parent', consent: true },
        p.openid,
      );
      expect(f).toMatchObject({ ok: true });
      // Failure paths too: a duplicate registration and a malformed ID must not echo the value.
      await callUser(emu, 'login', {}, `${p.openid}-twin`);
      await callUser(emu, 'login', {}, `${p.openid}-typo`);
      expect(
        (
          await callUser(
            emu,
            'verifyIdentity',
            { name: p.name, idNumber: p.idNumber, mobile: p.mobile, consent: true },
            `${p.openid}-twin`,
          )
        ).code,
      ).toBe('ID_ALREADY_REGISTERED');
      await callUser(
        emu,
        'verifyIdentity',
        { name: p.name, idNumber: `${p.idNumber.slice(0, 17)}0`, mobile: p.mobile, consent: true },
        `${p.openid}-typo`,
      );
    }
    const staff = await callUser(
      emu,
      'createStaff',
      { name: '新护士', mobile: staffMobile, role: 'doctor', teamId: 'team-cg-1', position: 'nurse' },
      'demo-admin-cg',
    );
    expect(staff.ok).toBe(true);
    expect(
      (
        await callUser(
          emu,
          'bindStaff',
          { bindCode: staff.data?.bindCode, mobile: staffMobile },
          'privacy-staff',
        )
      ).ok,
    ).toBe(true);
    const full = await callUser(
      emu,
      'revealIdentity',
      { residentId: 'res-demo-1', field: 'idNumber' },
      'demo-doctor-cg-1',
    );
    expect(full.data?.value).toBe(seededIds[0]);
    // Compact so both the log and the snapshot file are on disk.
    await fetch(`${emu.url}/_emulator/api/compact`, { method: 'POST' });
  });

  afterAll(async () => {
    await emu?.close();
    for (const s of spies) s.mockRestore();
  });

  it('the data folder holds no plaintext ID number or phone', () => {
    const files = filesUnder(emu.dataDir);
    expect(files.some((f) => f.endsWith('.jsonl'))).toBe(true);
    const dump = files.map((f) => fs.readFileSync(f, 'utf8')).join('\n');
    expect(dump.length).toBeGreaterThan(10_000);
    for (const s of secrets()) expect(dump).not.toContain(s);
    expect(validIdsIn(dump)).toEqual([]);
    // …while the sealed forms are there: the data was written, not skipped.
    expect(dump).toContain('"idEnc"');
    expect(dump).toContain('"mobileHash"');
  });

  it('no log line of the run holds an ID number or phone', async () => {
    const emulatorLog = await emu.getJson<unknown>('/_emulator/api/log');
    const all = [...logged, JSON.stringify(emulatorLog)].join('\n');
    expect(logged.length).toBeGreaterThan(20); // the emulator logged every call
    for (const s of secrets()) expect(all).not.toContain(s);
    expect(validIdsIn(all)).toEqual([]);
  });

  it('audit records name who, what, whose and when, never the value', async () => {
    const db = emu.sdkApp().database();
    const { data } = await db.collection(COLLECTIONS.auditLogs).limit(1000).get();
    const events = new Set(data.map((d: { event: string }) => d.event));
    for (const e of ['pii.read', 'proxy.act', 'consent.grant', 'staff.create', 'staff.bind', 'role.change'])
      expect(events).toContain(e);
    const read = data.find((d: { event: string }) => d.event === 'pii.read');
    expect(read).toMatchObject({
      action: 'user.revealIdentity',
      actorRole: 'doctor',
      subject: { residentId: 'res-demo-1' },
      fields: ['idNumber'],
    });
    expect(read.at).toBeDefined();
    const text = JSON.stringify(data);
    for (const s of secrets()) expect(text).not.toContain(s);
  });

  it('database requests per call (emulator metrics)', async () => {
    const invs = await emu.getJson<{ action: string; openid: string; dbRequests: number; status: string }[]>(
      '/_emulator/api/invocations?fn=user',
    );
    const of = (action: string) =>
      invs.filter(
        (i) => i.action === action && i.openid.startsWith('privacy-resident-') && !i.openid.includes('-t'),
      );
    const login = of('login').map((i) => i.dbRequests);
    const verify = of('verifyIdentity').map((i) => i.dbRequests);
    process.stdout.write(
      `dbRequests login(first visit)=${login.join(',')} verifyIdentity=${verify.join(',')}\n`,
    );
    expect(Math.max(...login)).toBeLessThanOrEqual(2);
    expect(Math.max(...verify)).toBeLessThanOrEqual(7);
  });
});
