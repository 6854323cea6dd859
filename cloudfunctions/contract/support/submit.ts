import type { HandlerContext } from '../../_lib/guard';
import { checkJurisdiction, type Repos, sealRequest } from './common';
import { openRequest } from './requests.tx';
import { contractView } from './view';

/**
 * The tail of a first signing and of a change of team: jurisdiction, the seal over the signer's
 * own upload, then the one transaction that opens the request (pending lock, team seat).
 */
export async function sealAndOpen(
  ctx: HandlerContext,
  r: Repos,
  a: Omit<Parameters<typeof sealRequest>[1], 'now'>,
) {
  checkJurisdiction(a.team, a.resident);
  const doc = await sealRequest(r, { ...a, now: ctx.now });
  return contractView(
    await openRequest(ctx.db, doc, { capacity: a.team.capacity, now: ctx.now }),
    ctx.now,
    a.team,
  );
}
