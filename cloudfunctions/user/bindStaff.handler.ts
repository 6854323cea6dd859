import type { bindStaff } from '@shared/api/user';
import { COLLECTIONS } from '@shared/constants/collections';
import { BIND_ATTEMPTS, BIND_ATTEMPTS_PER_STAFF } from '@shared/constants/limits';
import { pendingByMobileHash } from '../_data/staff.repo';
import { type UserDoc, userIdFor } from '../_lib/caller';
import { inTransaction } from '../_lib/db';
import { ActionError, refuse } from '../_lib/errors';
import type { Handler } from '../_lib/guard';
import { lookupHash } from '../_lib/pii';
import { takeToken, tokensUsed } from '../_lib/rateLimit';
import type { StaffDoc } from './staff.repo';

/**
 * Binds the caller's WeChat identity to a staff account with a one-time code and the mobile the
 * account was registered under. Wrong, expired and already-used codes and unknown mobiles are one
 * answer (BIND_CODE_INVALID) so nobody can probe which codes exist; each wrong try counts against
 * the identity AND the staff record the mobile names, and after 5 in an hour either is refused
 * outright — so fresh WeChat identities buy no extra guesses at one account.
 * Staff claim and role change commit together in one transaction.
 */
export const bindStaffHandler: Handler<typeof bindStaff> = async ({ ctx, input }) => {
  const { caller, db, now, openid } = ctx;
  const uid = userIdFor(openid);
  const failKey = `bind_${uid}`;
  if ((await tokensUsed(db, failKey, BIND_ATTEMPTS.windowMs, now)) >= BIND_ATTEMPTS.max)
    refuse('BIND_ATTEMPTS_EXCEEDED');
  const codeHash = lookupHash('bind', input.bindCode);
  // The mobile names the staff record; its own failure window holds however many identities try.
  const pending = await pendingByMobileHash(db, lookupHash('mobile', input.mobile));
  const staffKey = pending ? `bindst_${pending._id}` : undefined;
  if (
    staffKey &&
    (await tokensUsed(db, staffKey, BIND_ATTEMPTS_PER_STAFF.windowMs, now)) >= BIND_ATTEMPTS_PER_STAFF.max
  )
    refuse('BIND_ATTEMPTS_EXCEEDED');
  const invalid = async (): Promise<never> => {
    await takeToken(db, failKey, BIND_ATTEMPTS, now);
    if (staffKey) await takeToken(db, staffKey, BIND_ATTEMPTS_PER_STAFF, now);
    ctx.audit({ event: 'staff.bind_refused', subject: { userId: uid } });
    throw new ActionError('BIND_CODE_INVALID');
  };
  if (
    !pending?.bindCodeHash ||
    pending.bindCodeHash !== codeHash ||
    !pending.bindExpiresAt ||
    new Date(pending.bindExpiresAt).getTime() <= now.getTime()
  )
    return invalid();

  const claimed = await inTransaction(db, async (t) => {
    const staffRef = t.collection(COLLECTIONS.staff).doc(pending._id);
    const s = (await staffRef.get()).data as StaffDoc | undefined;
    // Re-checked inside the transaction: two phones racing with one code, only one wins.
    if (!s || s.bindCodeHash !== codeHash) return false;
    await staffRef.update({
      openid,
      boundAt: now,
      bindCodeHash: db.command.remove(),
      bindExpiresAt: db.command.remove(),
    });
    const userRef = t.collection(COLLECTIONS.users).doc(uid);
    const u = (await userRef.get()).data as Partial<UserDoc> | undefined;
    const { _id, ...rest } = (u ?? {}) as Partial<UserDoc>;
    await userRef.set({ ...rest, openid, role: s.role, staffId: s._id, createdAt: rest.createdAt ?? now });
    return true;
  });
  if (!claimed) return invalid();
  ctx.audit({ event: 'staff.bind', subject: { staffId: pending._id, userId: uid } });
  ctx.audit({
    event: 'role.change',
    subject: { userId: uid },
    detail: { from: caller.role, to: pending.role },
  });
  return { staffId: pending._id, role: pending.role };
};
