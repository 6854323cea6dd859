import type { listFamily } from '@shared/api/user';
import { refuse } from '../_lib/errors';
import type { Handler } from '../_lib/guard';
import { FAMILY_VIEW_FIELDS, familyView } from './family.view';
import { ResidentsRepo } from './residents.repo';
import { UsersRepo } from './users.repo';

/** The caller first (relation 'self'), then the members they sign for; masked values only. */
export const listFamilyHandler: Handler<typeof listFamily> = async ({ ctx }) => {
  const { caller, db, now } = ctx;
  const userId = caller.userId ?? refuse('UNAUTHENTICATED');
  ctx.authorize({ userId });
  const self = caller.residentId ?? refuse('NOT_VERIFIED');
  const family = await new UsersRepo(db).family(userId);
  const docs = await new ResidentsRepo(db).getMany(
    [self, ...family.map((f) => f.residentId)],
    FAMILY_VIEW_FIELDS,
  );
  const byId = new Map(docs.map((d) => [d._id, d]));
  const members = [{ residentId: self, relation: 'self' }, ...family].flatMap((m) => {
    const doc = byId.get(m.residentId);
    return doc ? [familyView(doc, m.relation, now)] : [];
  });
  return { members };
};
