import type { removeFamilyMember } from '@shared/api/user';
import { refuse } from '../_lib/errors';
import type { Handler } from '../_lib/guard';
import { UsersRepo } from './users.repo';

/** Stops acting for a family member; their own record stays (it may be someone's contract). */
export const removeFamilyMemberHandler: Handler<typeof removeFamilyMember> = async ({ ctx, input }) => {
  const { caller, db } = ctx;
  const userId = caller.userId ?? refuse('UNAUTHENTICATED');
  ctx.authorize({ residentId: input.residentId });
  const users = new UsersRepo(db);
  const family = await users.family(userId);
  if (!family.some((f) => f.residentId === input.residentId)) refuse('FAMILY_MEMBER_NOT_FOUND');
  await users.setFamily(
    userId,
    family.filter((f) => f.residentId !== input.residentId),
  );
  return { removed: true as const };
};
