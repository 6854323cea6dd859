import type { listFamily } from '@shared/api/user';
import * as residents from '../_data/residents.repo';
import * as users from '../_data/users.repo';
import { refuse } from '../_lib/errors';
import type { Handler } from '../_lib/guard';
import { FAMILY_VIEW_FIELDS, familyView } from './support/family.view';

/** The caller first (relation 'self'), then the members they sign for; masked values only. */
export const listFamilyHandler: Handler<typeof listFamily> = async ({ ctx }) => {
  const { caller, db, now } = ctx;
  const userId = caller.userId ?? refuse('UNAUTHENTICATED');
  ctx.authorize({ userId });
  const self = caller.residentId ?? refuse('NOT_VERIFIED');
  const family = await users.familyOf(db, userId);
  const docs = await residents.findMany(db, [self, ...family.map((f) => f.residentId)], FAMILY_VIEW_FIELDS);
  const byId = new Map(docs.map((d) => [d._id, d]));
  const members = [{ residentId: self, relation: 'self' }, ...family].flatMap((m) => {
    const doc = byId.get(m.residentId);
    return doc ? [familyView(doc, m.relation, now)] : [];
  });
  return { members };
};
