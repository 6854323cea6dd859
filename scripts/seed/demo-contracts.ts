// Demo contracts, written through the contract function's own rules so statuses, dates, fees,
// agreement digests and verification codes are real: requestContract/confirmContract for the state
// machine, quotePackages for the fee split, sealedDoc for the agreement and seal. The people are
// extra demo residents (no WeChat account: signed with a grid worker's or doctor's help), so the
// demo identities the H5 login page lists stay free to sign in a walkthrough or a test.
import zlib from 'node:zlib';
import { tagsOn } from '../../cloudfunctions/_data/residents.repo';
import * as teams from '../../cloudfunctions/_data/teams.repo';
import { userIdFor } from '../../cloudfunctions/_lib/caller';
import type { Database } from '../../cloudfunctions/_lib/db';
import { sealPii } from '../../cloudfunctions/_lib/pii';
import { contractIdFor, repos, sealedDoc } from '../../cloudfunctions/contract/support/common';
import { COLLECTIONS } from '../../shared/constants/collections';
import { CURRENT_PRIVACY_VERSION } from '../../shared/constants/privacy';
import type { SigningChannel } from '../../shared/contract/channel';
import { confirmContract, requestContract } from '../../shared/contract/transitions';
import { DEMO_DISTRICT_ID } from '../../shared/demo/identities';
import { quotePackages } from '../../shared/fees/split';
import { maskIdNumber, parseIdNumberShape } from '../../shared/identity';
import { shanghaiDay } from '../../shared/time';
import { demoIdNumber } from './demo-identities';

type SeedApp = {
  database(): unknown;
  uploadFile(a: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID: string }>;
};

const DAY = 86_400_000;
type Plan = {
  _id: string;
  name: string;
  region: string;
  birth: string;
  seq: number;
  gridId: string;
  institutionId: string;
  teamId: string;
  packageIds: string[];
  channel: SigningChannel;
  /** Staff openid who helped (signedBy / confirmedBy resolve to their user ids). */
  helper: string;
  leader: string;
  /** Days before the seed ran that the request was signed; confirmed the next day unless pending. */
  signedDaysAgo: number;
  pending?: boolean;
};

// 4 active (one of them inside its renewal window, expiring in about a week), 1 pending for 王建国.
const PLANS: Plan[] = [
  {
    _id: 'res-demo-c1',
    name: '钱淑芬',
    region: '330102',
    birth: '1952-06-18',
    seq: 31,
    gridId: 'r-cg-dm-g1',
    institutionId: 'inst-cg',
    teamId: 'team-cg-1',
    packageIds: ['pkg-basic'],
    channel: 'grid_assisted',
    helper: 'demo-grid-cg-dm-g1',
    leader: 'demo-doctor-cg-1',
    signedDaysAgo: 120,
  },
  {
    _id: 'res-demo-c2',
    name: '孙玉珍',
    region: '330102',
    birth: '1947-01-09',
    seq: 42,
    gridId: 'r-cg-dm-g2',
    institutionId: 'inst-cg',
    teamId: 'team-cg-1',
    packageIds: ['pkg-basic'],
    channel: 'doctor_assisted',
    helper: 'demo-doctor-cg-1',
    leader: 'demo-doctor-cg-1',
    signedDaysAgo: 357, // term ends in about a week: inside the renewal window
  },
  {
    _id: 'res-demo-c3',
    name: '郑国强',
    region: '330102',
    birth: '1958-11-30',
    seq: 53,
    gridId: 'r-cg-xj-g1',
    institutionId: 'inst-cg',
    teamId: 'team-cg-2',
    packageIds: ['pkg-basic'],
    channel: 'doctor_assisted',
    helper: 'demo-doctor-cg-4',
    leader: 'demo-doctor-cg-4',
    signedDaysAgo: 60,
  },
  {
    _id: 'res-demo-c4',
    name: '吴桂兰',
    region: '330102',
    birth: '1955-04-22',
    seq: 64,
    gridId: 'r-qs-qs-g1',
    institutionId: 'inst-qs',
    teamId: 'team-qs-1',
    packageIds: ['pkg-basic'],
    channel: 'grid_assisted',
    helper: 'demo-grid-qs-qs-g1',
    leader: 'demo-doctor-qs-1',
    signedDaysAgo: 200,
  },
  {
    _id: 'res-demo-c5',
    name: '冯建华',
    region: '330102',
    birth: '1961-09-14',
    seq: 75,
    gridId: 'r-cg-dm-g1',
    institutionId: 'inst-cg',
    teamId: 'team-cg-1',
    packageIds: ['pkg-basic'],
    channel: 'grid_assisted',
    helper: 'demo-grid-cg-dm-g1',
    leader: 'demo-doctor-cg-1',
    signedDaysAgo: 1,
    pending: true,
  },
];

/** A small real PNG of a pen stroke (grayscale, 240×80), so the PDF shows a signature. */
export function demoSignaturePng(): Buffer {
  const w = 240;
  const h = 80;
  const raw = Buffer.alloc((w + 1) * h, 255);
  for (let y = 0; y < h; y++) raw[y * (w + 1)] = 0; // filter byte: none
  for (let x = 20; x < 220; x++) {
    const y = Math.round(40 + 22 * Math.sin(x / 14) * Math.cos(x / 41));
    for (let d = -1; d <= 1; d++) raw[(y + d) * (w + 1) + 1 + x] = 20;
  }
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(td) >>> 0);
    return Buffer.concat([len, td, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 0, 0, 0, 0], 8); // 8-bit grayscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function residentDoc(p: Plan, now: Date) {
  const idNumber = demoIdNumber(p.region, p.birth, p.seq);
  const facts = parseIdNumberShape(idNumber);
  if (!facts.ok) throw new Error(`demo ID for ${p._id} is invalid: ${facts.code}`);
  const id = sealPii('id', idNumber, maskIdNumber);
  return {
    name: p.name,
    idEnc: id.enc,
    idHash: id.hash,
    idMasked: id.masked,
    birthDate: facts.value.birthDate,
    sex: facts.value.sex,
    regionCode: facts.value.regionCode,
    consent: { version: CURRENT_PRIVACY_VERSION, at: now, byUserId: userIdFor(p.helper) },
    verified: true,
    verifiedAt: now,
    tags: [],
    gridId: p.gridId,
    institutionId: p.institutionId,
    districtId: DEMO_DISTRICT_ID,
    createdAt: now,
  };
}

/**
 * Writes the demo residents and their contracts (idempotent: stable ids, `set`). Returns the
 * number of contracts written. Needs JY_PII_KEY like the rest of the seed.
 */
export async function seedDemoContracts(app: SeedApp, now: Date): Promise<Record<string, number>> {
  const db = app.database() as Database;
  const png = demoSignaturePng();
  const { fileID } = await app.uploadFile({ cloudPath: 'signatures/demo-seed.png', fileContent: png });
  const r = repos({ db });
  teams.resetCache(); // teams were just (re)written
  for (const p of PLANS) await db.collection(COLLECTIONS.residents).doc(p._id).set(residentDoc(p, now));
  let written = 0;
  for (const p of PLANS) {
    const resident = await r.residents.byId(p._id);
    const team = await r.teams.byId(p.teamId);
    const pkgs = await r.packages.pick(p.packageIds);
    if (!resident || !team || !pkgs) throw new Error(`demo contract for ${p._id}: missing team or packages`);
    const signedAt = new Date(now.getTime() - p.signedDaysAgo * DAY);
    const fee = quotePackages(pkgs, tagsOn(resident, shanghaiDay(signedAt)));
    if (!fee.ok) throw new Error(`demo contract for ${p._id}: ${fee.code}`);
    const id = contractIdFor(p._id, 'demo-contract');
    const requested = requestContract({
      id,
      now: signedAt,
      residentId: p._id,
      teamId: team.teamId,
      institutionId: team.institutionId,
      packageIds: p.packageIds,
      signedBy: userIdFor(p.helper),
      siblings: [],
    });
    if (!requested.ok) throw new Error(`demo contract for ${p._id}: ${requested.code}`);
    const sealed = sealedDoc({
      contract: requested.value,
      requestId: 'demo-contract',
      channel: p.channel,
      resident,
      team,
      fee: fee.value,
      signatureFileId: fileID,
      signature: png,
      now: signedAt,
    });
    let doc = sealed;
    if (!p.pending) {
      const at = new Date(signedAt.getTime() + DAY);
      const by = userIdFor(p.leader);
      const confirmed = confirmContract(sealed, { now: at, by, siblings: [] });
      if (!confirmed.ok) throw new Error(`demo contract for ${p._id}: ${confirmed.code}`);
      doc = { ...sealed, ...confirmed.value.contract };
    }
    // Request id 'demo-contract' gives ids with no 18-digit run (an ID-number look-alike the
    // privacy test would flag). Neither the pending lock nor the team counter is written: a
    // counter missing is created from the live count on first use, and a sign for the pending
    // resident is refused by the rule over their contracts (ALREADY_PENDING → CONTRACT_EXISTS).
    const { _id, ...rest } = doc;
    await db.collection(COLLECTIONS.contracts).doc(_id).set(rest);
    written++;
  }
  return { [COLLECTIONS.contracts]: written };
}
