import type { removeFamilyMember } from '@shared/api/user';
import * as users from '../_data/users.repo';
import { refuse } from '../_lib/errors';
import type { Handler } from '../_lib/guard';

/** Stops acting for a family member; their own record stays (it may be someone's contract). */
export const removeFamilyMemberHandler: Handler<typeof removeFamilyMember> = async ({ ctx, input }) => {
  const { caller, db } = ctx;
  const userId = caller.userId ?? refuse('UNAUTHENTICATED');
  ctx.authorize({ residentId: input.residentId });
  const family = await users.familyOf(db, userId);
  if (!family.some((f) => f.residentId === input.residentId)) refuse('FAMILY_MEMBER_NOT_FOUND');
  await users.setFamily(
    db,
    userId,
    family.filter((f) => f.residentId !== input.residentId),
  );
  return { removed: true as const };
};
