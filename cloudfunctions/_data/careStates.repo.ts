import { initialCycleTasks, maskName } from '@shared/care/plan';
import { COLLECTIONS } from '@shared/constants/collections';
import { STORED_TAGS, type StoredTag } from '@shared/constants/tags';
import { type CareStateDoc, CONTRACT_ENDED } from '@shared/db/schemas/careStates';
import { shanghaiDay } from '@shared/time';
import { type Database, inTransaction, type Tx } from '../_lib/db';
import { bumpInTx, unitKeys } from './careCounters.repo';
import { putTaskInTx, taskInTx } from './careTasks.repo';
import * as contracts from './contracts.repo';
import { txData } from './fields';
import * as residents from './residents.repo';

/** A resident's care state inside a transaction. */
export const careStateInTx = async (t: Tx, residentId: string) =>
  txData<CareStateDoc>((await t.collection(COLLECTIONS.careStates).doc(residentId).get()).data);

/** A resident's care state (one request). */
export async function careStateOf(db: Database, residentId: string): Promise<CareStateDoc | undefined> {
  const { data } = await db.collection(COLLECTIONS.careStates).doc(residentId).get();
  return (data as CareStateDoc[])[0];
}

/** Writes the whole state back (the transaction read it first). */
export async function saveCareStateInTx(t: Tx, s: CareStateDoc, now: Date): Promise<void> {
  const { _id, ...rest } = s;
  await t
    .collection(COLLECTIONS.careStates)
    .doc(_id)
    .set({ ...rest, updatedAt: now });
}

type ContractFacts = {
  _id: string;
  residentId: string;
  teamId: string;
  institutionId?: string;
  gridId?: string;
  status: string;
  startDate?: string;
  endDate?: string;
};
type ResidentFacts = {
  _id: string;
  name?: string;
  birthDate?: string;
  sex?: 'male' | 'female';
  tags?: string[];
  gridId?: string;
};

/**
 * Puts a resident under care for a confirmed contract: the care state, the first window of each
 * cycle task the shared schedule applies (contact every quarter, chronic follow-ups …) and the
 * unit counters. Idempotent: confirming twice, or a lazy call after the hook, changes nothing;
 * a renewal keeps the open windows and moves the term; a change of team moves the counters.
 * Reads the contract and the resident (2 requests), then one transaction.
 */
export async function openCareForContract(db: Database, contractId: string, now: Date): Promise<boolean> {
  const c = (await contracts.findFields(db, contractId, [
    'residentId',
    'teamId',
    'institutionId',
    'gridId',
    'status',
    'startDate',
    'endDate',
  ])) as ContractFacts | undefined;
  if (c?.status !== 'active' || !c.startDate || !c.endDate) return false;
  const r = (await residents.findById(db, c.residentId, ['name', 'birthDate', 'sex', 'tags', 'gridId'])) as
    | ResidentFacts
    | undefined;
  if (!r) return false;
  const today = shanghaiDay(now);
  const term = { start: c.startDate, end: c.endDate };
  const tags = (r.tags ?? []).filter((x): x is StoredTag => (STORED_TAGS as readonly string[]).includes(x));
  const windows = initialCycleTasks({
    today,
    resident: {
      _id: r._id,
      birthDate: r.birthDate ?? '1970-01-01',
      sex: r.sex ?? 'female',
      tags,
      pregnancies: [],
    },
    tags,
    contract: term,
  });
  return inTransaction(db, async (t) => {
    const prev = await careStateInTx(t, c.residentId);
    if (prev?.status === 'active' && prev.contractId === c._id) return false;
    const gridId = c.gridId ?? r.gridId;
    const state: CareStateDoc = {
      ...(prev ?? { recentGlucose: [], chains: [], createdAt: now }),
      _id: c.residentId,
      residentId: c.residentId,
      teamId: c.teamId,
      ...(c.institutionId ? { institutionId: c.institutionId } : {}),
      ...(gridId ? { gridId } : {}),
      contractId: c._id,
      term,
      nameMasked: maskName(r.name ?? ''),
      ...(r.birthDate ? { birthDate: r.birthDate } : {}),
      tags,
      status: 'active',
      updatedAt: now,
    };
    delete state.removedReason;
    delete state.removedNote;
    const wasCounted = prev?.status === 'active';
    const moved = wasCounted && (prev.teamId !== state.teamId || prev.gridId !== state.gridId);
    for (const w of windows) {
      const id = `${c.residentId}:${w.kind}`;
      const open = await taskInTx(t, id);
      // A renewal keeps the window in progress (its record history already placed it).
      if (open && !moved && prev?.status === 'active') continue;
      await putTaskInTx(
        t,
        state,
        open && open.start > w.start ? { ...w, start: open.start, end: open.end } : w,
        today,
        now,
      );
    }
    if (!wasCounted) await bumpInTx(t, unitKeys(state), 'signed', 1, now);
    else if (moved) {
      await bumpInTx(t, unitKeys(prev), 'signed', -1, now);
      await bumpInTx(t, unitKeys(state), 'signed', 1, now);
    }
    await saveCareStateInTx(t, state, now);
    return true;
  });
}

/**
 * The lazy path: a resident with a live contract but no care state yet (signed before this
 * function existed). Bounded: one query on the resident's contracts, then openCareForContract.
 */
export async function ensureCare(db: Database, residentId: string, now: Date): Promise<boolean> {
  const today = shanghaiDay(now);
  const live = (await contracts.ofResident(db, residentId)).find(
    (x) => x.status === 'active' && (x.startDate ?? '9999') <= today && (x.endDate ?? '') >= today,
  );
  return live ? openCareForContract(db, live._id, now) : false;
}

/**
 * The contract side's counterpart of openCareForContract: a terminated contract, or a term that
 * ended unrenewed, takes the resident off every worklist (open tasks deleted, the unit's signed
 * count down one). Only when the care state still belongs to that contract: a renewal or a change
 * of team has already moved it on. Runs inside the caller's transaction.
 */
export async function closeCareInTx(
  t: Tx,
  residentId: string,
  contractId: string,
  now: Date,
): Promise<boolean> {
  const s = await careStateInTx(t, residentId);
  if (s?.status !== 'active' || s.contractId !== contractId) return false;
  await endCareInTx(t, s, CONTRACT_ENDED, now);
  await saveCareStateInTx(t, s, now);
  return true;
}

/**
 * Takes a care state off every list inside the caller's transaction (open tasks deleted, the
 * unit's signed count down one) and marks it removed; the caller saves `s`.
 */
export async function endCareInTx(
  t: Tx,
  s: CareStateDoc,
  reason: NonNullable<CareStateDoc['removedReason']>,
  now: Date,
): Promise<void> {
  for (const id of s.chains) await t.collection(COLLECTIONS.careTasks).doc(id).delete();
  await bumpInTx(t, unitKeys(s), 'signed', -1, now);
  s.chains = [];
  s.status = 'removed';
  s.removedReason = reason;
}

/** closeCareInTx in its own transaction (the nightly expiry walk). */
export const closeCareForContract = (db: Database, residentId: string, contractId: string, now: Date) =>
  inTransaction(db, (t) => closeCareInTx(t, residentId, contractId, now));
