import type { login } from '@shared/api/user';
import * as users from '../_data/users.repo';
import { userIdFor } from '../_lib/caller';
import type { Handler } from '../_lib/guard';

/**
 * Login: the openid came from the CloudBase context (the guard), never the event. A first visit
 * (guest) creates a resident account, unverified until real-name verification.
 */
export const loginHandler: Handler<typeof login> = async ({ ctx }) => {
  const { caller } = ctx;
  if (caller.role === 'guest') {
    const userId = userIdFor(ctx.openid);
    await users.createResident(ctx.db, userId, ctx.openid, ctx.now);
    return { userId, role: 'resident', verified: false };
  }
  return {
    userId: caller.userId ?? '',
    role: caller.role,
    verified: caller.role !== 'resident' || caller.residentId !== undefined,
    ...(caller.residentId ? { residentId: caller.residentId } : {}),
  };
};
