import { MEDIA_CHECK_TIMEOUT_MS } from '@shared/consult/rules';
import * as auditLogs from '../_data/auditLogs.repo';
import * as consults from '../_data/consults.repo';
import { now as clockNow } from '../_lib/clock';
import { currentDatabase, type Database, inTransaction } from '../_lib/db';
import { deleteFiles } from './support/media';

/** The `wxa_media_check` message-push event (security.mediaCheckAsync v2's verdict). */
export type MediaCheckEvent = {
  Event: 'wxa_media_check';
  trace_id?: unknown;
  errcode?: unknown;
  result?: { suggest?: unknown; label?: unknown } | null;
};

export const isMediaCheckEvent = (e: unknown): e is MediaCheckEvent =>
  !!e && typeof e === 'object' && (e as { Event?: unknown }).Event === 'wxa_media_check';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Applies one verdict: the photo (or its thumbnail) passes only on errcode 0 and suggest `pass`
 * (anything else — risky, review, a failed fetch — refuses it: fail closed). A photo becomes
 * `visible` when both its checks passed, `refused` as soon as one did not; refused files are
 * deleted and audited (no content). Unknown trace ids are ignored. Idempotent per trace id.
 */
export async function onMediaCheck(
  e: MediaCheckEvent,
  db: Database = currentDatabase(),
): Promise<{ applied: boolean; status?: string }> {
  const traceId = typeof e.trace_id === 'string' ? e.trace_id.slice(0, 120) : '';
  if (!traceId) return { applied: false };
  const pass = Number(e.errcode ?? 0) === 0 && e.result?.suggest === 'pass';
  const label = Number(e.result?.label);
  const id = consults.mediaIdOf(traceId);
  // The verdict may overtake the transaction that recorded the check: wait for it, briefly.
  for (let attempt = 0; attempt < 5; attempt++) {
    const now = clockNow();
    const r = await inTransaction(db, async (t) => {
      const mc = await consults.mediaInTx(t, id);
      if (!mc) return { found: false as const };
      if (mc.verdict !== 'pending') return { found: true as const, applied: false };
      const msg = await consults.messageInTx(t, mc.messageId);
      const photos = (msg?.photos ?? []).map((p) => ({ ...p, checks: { ...p.checks } }));
      const photo = photos[mc.index];
      if (!msg || !photo) return { found: true as const, applied: false };
      const before = photo.status;
      photo.checks[mc.part] = pass ? 'pass' : 'refused';
      photo.status =
        photo.checks.photo === 'refused' || photo.checks.thumb === 'refused'
          ? 'refused'
          : photo.checks.photo === 'pass' && photo.checks.thumb === 'pass'
            ? 'visible'
            : 'pending';
      await consults.updateMessageInTx(t, msg._id, { photos });
      await consults.updateMediaInTx(t, id, {
        verdict: pass ? 'pass' : 'refused',
        ...(Number.isFinite(label) ? { label } : {}),
        decidedAt: now,
      });
      return {
        found: true as const,
        applied: true,
        status: photo.status,
        newlyRefused: before !== 'refused' && photo.status === 'refused' ? photo : undefined,
        residentId: mc.residentId,
      };
    });
    if (!r.found) {
      await sleep(400 * (attempt + 1));
      continue;
    }
    if (r.applied && r.newlyRefused) {
      await deleteFiles([r.newlyRefused.fileId, r.newlyRefused.thumbFileId]);
      await auditLogs.append(
        db,
        [
          {
            event: 'consult.photoRefused',
            action: 'consult.mediaCheck',
            actorUserId: null,
            actorRole: 'resident',
            subject: { residentId: r.residentId },
            ...(Number.isFinite(label) ? { detail: { label: String(label) } } : {}),
          },
        ],
        now,
      );
    }
    return r.applied ? { applied: true, status: r.status } : { applied: false };
  }
  return { applied: false };
}

/**
 * Verdicts that never came: each check pending for longer than MEDIA_CHECK_TIMEOUT_MS is decided
 * as refused through the same path as a pushed verdict (photo refused, files deleted, audited).
 * Run by the scheduler's tick; bounded to `limit` checks (one query, then one verdict each).
 */
export async function expireStaleMediaChecks(db: Database, now: Date, limit = 20): Promise<number> {
  const ids = await consults.staleMediaIds(db, new Date(now.getTime() - MEDIA_CHECK_TIMEOUT_MS), limit);
  let refused = 0;
  for (const id of ids) {
    const traceId = id.slice('mc_'.length);
    const r = await onMediaCheck(
      { Event: 'wxa_media_check', trace_id: traceId, errcode: -1, result: null },
      db,
    );
    if (r.applied) refused++;
  }
  return refused;
}
