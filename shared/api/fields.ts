import { ERROR_MESSAGES, VALIDATION_MESSAGES as V } from '../constants/messages';
import { isMobile, normalizeMobile } from '../identity/mobile';
import { normalizeIdNumber, parseIdNumberShape } from '../identity/residentId';
import { isValidDay } from '../time/zone';
import { z } from './zod';

/** Field schemas reused by every contract, each with a Chinese message. */
export const zId = z.string({ error: V.id }).regex(/^[A-Za-z0-9_-]{1,64}$/, { error: V.id });

/** A Shanghai calendar day, `YYYY-MM-DD`, that exists on the calendar. */
export const zDay = z.string({ error: V.day }).refine(isValidDay, { error: V.day });

/** An instant on the wire: ISO 8601 with offset, e.g. 2026-03-31T16:00:00.000Z. */
export const zInstant = z.iso.datetime({ offset: true, error: V.instant });

/** A person's name. */
export const zName = z.string({ error: V.name }).trim().min(2, { error: V.name }).max(30, { error: V.name });

/** A free-text reason (rejection, termination, cancellation): required, at most 200 characters. */
export const zReason = z
  .string({ error: V.reason })
  .trim()
  .min(1, { error: V.reason })
  .max(200, { error: V.reason });

/** Money in fen (分): a non-negative integer. */
export const zFen = z.number({ error: V.fen }).int({ error: V.fen }).nonnegative({ error: V.fen });

/**
 * An 18-digit resident ID checked for shape, region, date and check digit, normalised to upper case.
 * The "not in the future" check needs `now`, so handlers call parseIdNumber(raw, now) as well.
 */
export const zIdNumber = z
  .string({ error: ERROR_MESSAGES.ID_FORMAT })
  .superRefine((raw, ctx) => {
    const r = parseIdNumberShape(raw);
    if (!r.ok) ctx.addIssue({ code: 'custom', message: ERROR_MESSAGES[r.code], params: { code: r.code } });
  })
  .transform(normalizeIdNumber);

/** A mainland mobile number, normalised to 11 digits. */
export const zMobile = z
  .string({ error: ERROR_MESSAGES.MOBILE_FORMAT })
  .refine(isMobile, { error: ERROR_MESSAGES.MOBILE_FORMAT })
  .transform(normalizeMobile);

/** A page request: the SDK caps a read at 1,000, we page at most 100 at a time. */
export const zPage = z.object({
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(100).default(20),
});
