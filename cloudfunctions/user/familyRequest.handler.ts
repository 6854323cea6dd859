import type { answerFamilyRequest, familyRequests } from '@shared/api/user';
import { COLLECTIONS } from '@shared/constants/collections';
import { FAMILY_MAX } from '@shared/constants/limits';
import * as requests from '../_data/familyRequests.repo';
import * as users from '../_data/users.repo';
import { inTransaction } from '../_lib/db';
import { refuse } from '../_lib/errors';
import type { Handler } from '../_lib/guard';

type Relation = typeof import('@shared/api/user').FAMILY_RELATIONS[number];

/** Requests from others to act for the caller (issue 11): who asks, as what, since when. */
export const familyRequestsHandler: Handler<typeof familyRequests> = async ({ ctx }) => {
  const self = ctx.caller.residentId ?? refuse('NOT_VERIFIED');
  ctx.authorize({ residentId: self });
  const list = await requests.pendingFor(ctx.db, self);
  return {
    requests: list.map((r) => ({
      requestId: r._id,
      requesterName: r.requesterName,
      relation: r.relation as Relation,
      createdAt: new Date(r.createdAt).toISOString(),
    })),
  };
};

/**
 * The person asked answers. Accepting links them into the requester's family in the same
 * transaction that closes the request, so a link never exists without the person's yes.
 * Scope comes from the stored request: only the person it names may answer it.
 */
export const answerFamilyRequestHandler: Handler<typeof answerFamilyRequest> = async ({ ctx, input }) => {
  const { db, now } = ctx;
  const req = (await requests.findById(db, input.requestId)) ?? refuse('FAMILY_REQUEST_NOT_FOUND');
  ctx.authorize({ residentId: req.residentId });
  if (req.status !== 'pending') refuse('FAMILY_REQUEST_NOT_FOUND');
  const status = input.accept ? ('accepted' as const) : ('declined' as const);
  await inTransaction(db, async (t) => {
    const cur = await requests.getInTx(t, req._id);
    if (cur?.status !== 'pending') refuse('FAMILY_REQUEST_NOT_FOUND');
    if (input.accept) {
      const requester = await users.getInTx(t, req.requesterUserId);
      const family = requester?.family ?? [];
      if (!requester) refuse('FAMILY_REQUEST_NOT_FOUND');
      if (!family.some((f) => f.residentId === req.residentId)) {
        if (family.length >= FAMILY_MAX) refuse('FAMILY_LIMIT');
        await t
          .collection(COLLECTIONS.users)
          .doc(req.requesterUserId)
          .update({ family: [...family, { residentId: req.residentId, relation: req.relation }] });
      }
    }
    await requests.answerInTx(t, req._id, status, now);
  });
  ctx.audit({
    event: input.accept ? 'proxy.grant' : 'proxy.decline',
    subject: { residentId: req.residentId, userId: req.requesterUserId },
    detail: { relation: req.relation },
  });
  return { status };
};
