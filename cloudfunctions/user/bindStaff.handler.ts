import type { bindStaff } from '@shared/api/user';
import { BIND_ATTEMPTS, BIND_ATTEMPTS_PER_STAFF } from '@shared/constants/limits';
import { lockId } from '@shared/db/schemas/locks';
import type { UserDoc } from '@shared/db/schemas/users';
import * as locks from '../_data/locks.repo';
import * as staff from '../_data/staff.repo';
import * as users from '../_data/users.repo';
import { userIdFor } from '../_lib/caller';
import { inTransaction } from '../_lib/db';
import { ActionError, refuse } from '../_lib/errors';
import type { Handler } from '../_lib/guard';
import { lookupHash } from '../_lib/pii';
import { takeToken, tokensUsed } from '../_lib/rateLimit';

/**
 * Binds the caller's WeChat identity to a staff account with a one-time code and the mobile the
 * account was registered under. Wrong, expired and already-used codes and unknown mobiles are one
 * answer (BIND_CODE_INVALID) so nobody can probe which codes exist; each wrong try counts against
 * the identity AND the staff record the mobile names, and after 5 in an hour either is refused
 * outright — so fresh WeChat identities buy no extra guesses at one account (issue 11).
 * Staff claim and role change commit together in one transaction.
 */
export const bindStaffHandler: Handler<typeof bindStaff> = async ({ ctx, input }) => {
  const { caller, db, now, openid } = ctx;
  const uid = userIdFor(openid);
  const failKey = `bind_${uid}`;
  if ((await tokensUsed(db, failKey, BIND_ATTEMPTS.windowMs, now)) >= BIND_ATTEMPTS.max)
    refuse('BIND_ATTEMPTS_EXCEEDED');
  const codeHash = lookupHash('bind', input.bindCode);
  // The mobile's lock names the staff record; its own failure window holds however many
  // identities try.
  const named = (await locks.find(db, lockId.staffMobile(lookupHash('mobile', input.mobile))))?.holder;
  const staffKey = named ? `bindst_${named}` : undefined;
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
  // The code's lock document names the account it was issued for: one document get, no index.
  const codeLock = lockId.bindCode(codeHash);
  const lock = await locks.find(db, codeLock);
  const expired = (at: Date | undefined) => !at || new Date(at).getTime() <= now.getTime();
  // The code must be the one issued to the account the mobile names.
  if (!lock?.holder || lock.holder !== named || expired(lock.expiresAt)) return invalid();
  const holder = lock.holder;

  const claimed = await inTransaction(db, async (t) => {
    // Re-checked inside the transaction: two phones racing with one code, only one wins.
    const held = await locks.getInTx(t, codeLock);
    if (held?.holder !== holder) return undefined;
    const s = await staff.getInTx(t, holder);
    if (!s || s.bindCodeHash !== codeHash || expired(s.bindExpiresAt)) return undefined;
    await staff.updateInTx(t, holder, {
      openid,
      boundAt: now,
      bindCodeHash: db.command.remove(),
      bindExpiresAt: db.command.remove(),
    });
    await locks.releaseInTx(t, codeLock, holder);
    const u = await users.getInTx(t, uid);
    const { _id, ...rest } = (u ?? {}) as Partial<UserDoc>;
    await users.setInTx(t, uid, {
      ...rest,
      openid,
      role: s.role,
      staffId: s._id,
      createdAt: rest.createdAt ?? now,
    });
    return { _id: s._id, role: s.role };
  });
  if (!claimed) return invalid();
  const pending = claimed;
  ctx.audit({ event: 'staff.bind', subject: { staffId: pending._id, userId: uid } });
  ctx.audit({
    event: 'role.change',
    subject: { userId: uid },
    detail: { from: caller.role, to: pending.role },
  });
  return { staffId: pending._id, role: pending.role };
};
