import { COLLECTIONS } from '@shared/constants/collections';
import type { OutboxDoc } from '@shared/db/schemas/outbox';
import { userIdFor } from '../../_lib/caller';
import type { Database } from '../../_lib/db';
import { decryptPii } from '../../_lib/pii';

/** Who an entry goes to, as the channels need it (never logged). */
export type Recipient = { owner: string; userId?: string; openid?: string; mobile?: string };

/**
 * Resolves a batch's recipients in a few reads whatever the batch size: the accounts of the
 * residents (users by residentId), the staff records, and — only when SMS is on — the residents'
 * sealed mobile numbers.
 */
export async function resolveRecipients(
  db: Database,
  msgs: OutboxDoc[],
  withMobile: boolean,
): Promise<Map<string, Recipient>> {
  const _ = db.command;
  const residentIds = [
    ...new Set(msgs.flatMap((m) => (!m.to.staffId && m.to.residentId ? [m.to.residentId] : []))),
  ];
  const staffIds = [...new Set(msgs.map((m) => m.to.staffId).filter((x): x is string => !!x))];
  const byResident = new Map<string, { userId: string; openid: string }>();
  const byStaff = new Map<string, { userId: string; openid: string }>();
  const mobiles = new Map<string, string>();
  if (residentIds.length) {
    const { data } = await db
      .collection(COLLECTIONS.users)
      .where({ residentId: _.in(residentIds) })
      .limit(1000)
      .field({ residentId: true, openid: true })
      .get();
    for (const u of data as { _id: string; residentId: string; openid: string }[])
      byResident.set(u.residentId, { userId: u._id, openid: u.openid });
    if (withMobile) {
      const r = await db
        .collection(COLLECTIONS.residents)
        .where({ _id: _.in(residentIds) })
        .limit(1000)
        .field({ mobileEnc: true })
        .get();
      for (const d of r.data as { _id: string; mobileEnc?: string }[]) {
        if (!d.mobileEnc) continue;
        try {
          mobiles.set(d._id, decryptPii(d.mobileEnc));
        } catch {
          // A number sealed with another key cannot be read: no SMS for this one.
        }
      }
    }
  }
  if (staffIds.length) {
    const { data } = await db
      .collection(COLLECTIONS.staff)
      .where({ _id: _.in(staffIds) })
      .limit(1000)
      .field({ openid: true })
      .get();
    for (const s of data as { _id: string; openid?: string | null }[])
      if (s.openid) byStaff.set(s._id, { userId: userIdFor(s.openid), openid: s.openid });
  }
  const out = new Map<string, Recipient>();
  for (const m of msgs) {
    if (m.to.staffId) {
      const s = byStaff.get(m.to.staffId);
      out.set(m._id, { owner: `s:${m.to.staffId}`, ...(s ?? {}) });
    } else if (m.to.residentId) {
      const u = byResident.get(m.to.residentId);
      const mobile = mobiles.get(m.to.residentId);
      out.set(m._id, { owner: `r:${m.to.residentId}`, ...(u ?? {}), ...(mobile ? { mobile } : {}) });
    }
  }
  return out;
}
