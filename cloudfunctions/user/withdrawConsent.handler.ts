import type { withdrawConsent } from '@shared/api/user';
import * as residents from '../_data/residents.repo';
import { refuse } from '../_lib/errors';
import type { Handler } from '../_lib/guard';

/**
 * Withdraws consent to processing personal information, for oneself or a family member one acts
 * for. Idempotent: a second withdrawal answers the first one's time.
 */
export const withdrawConsentHandler: Handler<typeof withdrawConsent> = async ({ ctx, input }) => {
  const { db, now } = ctx;
  ctx.authorize({ residentId: input.residentId });
  const r =
    (await residents.findById(db, input.residentId, ['consent'])) ?? refuse('FAMILY_MEMBER_NOT_FOUND');
  if (r.consent?.withdrawnAt) return { withdrawnAt: new Date(r.consent.withdrawnAt).toISOString() };
  await residents.withdrawConsent(db, input.residentId, now, input.reason);
  ctx.audit({
    event: 'consent.withdraw',
    subject: { residentId: input.residentId },
    ...(r.consent ? { detail: { version: r.consent.version } } : {}),
  });
  return { withdrawnAt: now.toISOString() };
};
