// Database requests and latency of contract.sign and contract.confirm on the emulator with a
// district of N residents (default 100,000): `npx tsx bench/contract.ts [N] [samples]`.
// Figures come from the emulator's own metrics (GET /_emulator/api/invocations), so they count
// every SDK request the function made, the guard's included.
import { userIdFor } from '../cloudfunctions/_lib/caller';
import { COLLECTIONS } from '../shared/constants/collections';
import { startSeededEmulator } from '../tests/support/identity';
import { uploadSignatureAs } from '../tests/support/signature';

const N = Number(process.argv[2] ?? 100_000);
const SAMPLES = Number(process.argv[3] ?? 30);
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

type Inv = { fn: string; action?: string; dbRequests: number; durationMs: number; result?: { ok: boolean } };
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

async function main() {
  const emu = await startSeededEmulator(['contract']);
  try {
    const db = emu.sdkApp().database();
    const t0 = Date.now();
    for (let i = 0; i < N; i += 1000) {
      const docs = Array.from({ length: Math.min(1000, N - i) }, (_, k) => ({
        _id: `bench-r-${i + k}`,
        name: `居民${i + k}`,
        idHash: `bench-hash-${i + k}`,
        idMasked: '3301**********0000',
        gridId: 'r-cg-dm-g1',
        tags: [],
        birthDate: '1970-01-01',
      }));
      await db.collection(COLLECTIONS.residents).add(docs);
    }
    console.log(`wrote ${N} residents in ${Date.now() - t0} ms`);
    for (let i = 0; i < SAMPLES; i++) {
      const openid = `bench-user-${i}`;
      await db
        .collection(COLLECTIONS.users)
        .doc(userIdFor(openid))
        .set({ openid, role: 'resident', residentId: `bench-r-${i}`, family: [], createdAt: new Date() });
    }
    const call = async (action: string, input: unknown, openid: string) =>
      (await emu.callFn('contract', { action, input }, openid)).result as {
        ok: boolean;
        code?: string;
        data?: { contractId: string };
      };
    const ids: string[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      const r = await call(
        'sign',
        {
          residentId: `bench-r-${i}`,
          teamId: 'team-cg-1',
          packageIds: ['pkg-basic'],
          consent: true,
          requestId: `bench-${i}`,
          // Each signer's own upload (issue 11: sign accepts only the caller's recent upload).
          signatureFileId: await uploadSignatureAs(emu, `bench-user-${i}`, PNG),
        },
        `bench-user-${i}`,
      );
      if (!r.ok) throw new Error(`sign failed: ${r.code}`);
      ids.push(r.data?.contractId ?? '');
    }
    // Two leaders in turn keep each under the per-identity write limit.
    for (const [i, contractId] of ids.entries()) {
      const r = await call('confirm', { contractId }, i % 2 === 0 ? 'demo-doctor-cg-1' : 'demo-admin-cg');
      if (!r.ok) throw new Error(`confirm failed: ${r.code}`);
    }
    const invs = await emu.getJson<Inv[]>('/_emulator/api/invocations?fn=contract');
    const list = Array.isArray(invs) ? invs : ((invs as unknown as { invocations: Inv[] }).invocations ?? []);
    // The first call of each action warms the instance's team/package caches; report warm calls.
    for (const action of ['sign', 'confirm']) {
      const xs = list.filter((v) => v.action === action).slice(1);
      const by = (pred: (v: Inv, i: number) => boolean) => xs.filter(pred);
      const rows =
        action === 'confirm'
          ? [
              ['doctor', by((_v, i) => i % 2 === 1)],
              ['admin', by((_v, i) => i % 2 === 0)],
            ]
          : [['resident', xs]];
      for (const [who, ys] of rows as [string, Inv[]][])
        console.log(
          `${action} (${who}): ${ys.length} calls, DB requests median ${median(ys.map((v) => v.dbRequests))} (max ${Math.max(...ys.map((v) => v.dbRequests))}), latency median ${median(ys.map((v) => v.durationMs))} ms`,
        );
    }
  } finally {
    await emu.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
