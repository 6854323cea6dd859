import { type Caller, inScope, type Target } from '@shared/api/authorize';
import type { ActionDef, FunctionName, InputOf, OutputOf } from '@shared/api/define';
import { type Envelope, ok } from '@shared/api/envelope';
import { findAction } from '@shared/api/registry';
import { fail } from '@shared/api/respond';
import { parseWith, z } from '@shared/api/zod';
import type { ErrorCode } from '@shared/constants/errors';
import { RATE_LIMIT, READ_ACTIONS } from '@shared/constants/limits';
import type { Scope } from '@shared/constants/roles';
import { type AuditEntry, writeAudit } from './audit';
import { type ResolvedCaller, resolveCaller, userIdFor } from './caller';
import { now as clockNow } from './clock';
import { currentDatabase, type Database } from './db';
import { ActionError } from './errors';
import { takeToken, takeUserToken } from './rateLimit';
import { identityFrom } from './runtime';

/** What a handler gets: the resolved caller, the database, the time, and the scope check. */
export type HandlerContext = {
  caller: ResolvedCaller;
  openid: string;
  db: Database;
  now: Date;
  /** `fn.action`, for audit records. */
  action: string;
  /** The scope this caller's role has on the action (from the shared contract). */
  scope: Scope;
  /**
   * Checks the record the handler loaded lies within the caller's reach; throws OUT_OF_SCOPE if
   * not. A resident reaching a family member's record is recorded as a proxy act.
   */
  authorize(target: Target): void;
  /** Queues an audit record; written before the answer leaves (a full read is never unrecorded). */
  audit(entry: Omit<AuditEntry, 'actorUserId' | 'actorRole' | 'action'>): void;
};

export type Handler<D extends ActionDef> = (args: {
  ctx: HandlerContext;
  input: InputOf<D>;
}) => Promise<OutputOf<D>>;

/** A contract paired with its handler. */
export type Bound = { def: ActionDef; handler: Handler<ActionDef> };

/** Pairs a shared contract with the handler that implements it (keeps input/output types). */
export const bind = <D extends ActionDef>(def: D, handler: Handler<D>): Bound => ({
  def,
  handler: handler as unknown as Handler<ActionDef>,
});

/**
 * The role gate, before any input is read: the role must appear in the contract's `access`.
 * Deny by default — a role missing from the contract, or an action missing from the registry, is
 * refused. Returns the scope to check on the data, or the refusal.
 */
export function admit(def: ActionDef | undefined, caller: Caller): { scope: Scope } | { code: ErrorCode } {
  if (!def) return { code: 'UNKNOWN_ACTION' };
  const scope = def.access[caller.role];
  return scope === undefined ? { code: 'FORBIDDEN' } : { scope };
}

/** The scope check on loaded data: OUT_OF_SCOPE unless the target lies within `scope` of the caller. */
export function checkScope(scope: Scope, caller: Caller, target: Target): ErrorCode | null {
  return inScope(scope, caller, target) ? null : 'OUT_OF_SCOPE';
}

/** True when a resident reaches a family member's record rather than their own. */
const isProxy = (caller: Caller, target: Target): boolean =>
  caller.role === 'resident' &&
  target.residentId !== undefined &&
  target.residentId !== caller.residentId &&
  (caller.familyResidentIds ?? []).includes(target.residentId);

const ZEvent = z.object({ action: z.string().min(1), input: z.unknown().optional() });

/** Only paths and codes of an output mismatch go to the log: never the values. */
const describeIssues = (e: z.ZodError) => e.issues.map((i) => `${i.path.join('.')}:${i.code}`).join(', ');

/**
 * Builds a function entry every call passes through: parse the event → openid from the context
 * (never the event) → caller from the database → role gate from the shared contract → write
 * limit → input parse → handler (which must check scope on the data it loads) → output parsed
 * against the contract (unknown fields dropped) → audit written → envelope.
 */
export function createGuardedFunction(fn: FunctionName, bound: readonly Bound[]) {
  const handlers = new Map(bound.map((b) => [b.def.action, b]));
  return async function main(event: unknown, context: unknown): Promise<Envelope<unknown>> {
    const parsed = parseWith(ZEvent, event);
    if (!parsed.ok) return fail('BAD_INPUT', parsed.issues);
    const name = parsed.data.action;
    const def = findAction(fn, name);
    const impl = handlers.get(name);
    if (!def || !impl) return fail('UNKNOWN_ACTION');
    const { openid } = identityFrom(context);
    if (!openid) return fail('UNAUTHENTICATED');
    const label = `${fn}.${name}`;
    // Refusals are audited too (e.g. a wrong bind code): whatever was queued is written either way.
    let flushAudits: () => Promise<void> = async () => undefined;
    try {
      const db = currentDatabase();
      const now = clockNow();
      const caller = await resolveCaller(db, openid);
      const admitted = admit(def, caller);
      if ('code' in admitted) return fail(admitted.code);
      if (!READ_ACTIONS.has(label)) {
        const limit = { windowMs: RATE_LIMIT.windowMs, max: RATE_LIMIT.maxWrites };
        const userId = userIdFor(openid);
        // Callers with a users document keep their window on it (one request); others (guests,
        // configured district admins) use a window document of their own.
        const allowed = caller.hasUserDoc
          ? await takeUserToken(db, userId, caller.writes, limit, now)
          : await takeToken(db, `w_${userId}`, limit, now);
        if (!allowed) return fail('RATE_LIMITED');
      }
      const input = parseWith(def.input, parsed.data.input ?? {});
      if (!input.ok) return fail('BAD_INPUT', input.issues);

      const audits: AuditEntry[] = [];
      flushAudits = () => writeAudit(db, audits.splice(0), now);
      let scopeChecked = admitted.scope === 'public';
      const ctx: HandlerContext = {
        caller,
        openid,
        db,
        now,
        action: label,
        scope: admitted.scope,
        authorize(target) {
          const code = checkScope(admitted.scope, caller, target);
          if (code) throw new ActionError(code);
          scopeChecked = true;
          if (isProxy(caller, target))
            audits.push({
              event: 'proxy.act',
              action: label,
              actorUserId: caller.userId ?? null,
              actorRole: caller.role,
              subject: { residentId: target.residentId },
            });
        },
        audit(entry) {
          audits.push({
            ...entry,
            action: label,
            actorUserId: caller.userId ?? null,
            actorRole: caller.role,
          });
        },
      };
      const result = await impl.handler({ ctx, input: input.data });
      // Deny by default on data too: a scoped action whose handler never checked scope is a bug,
      // and its answer is withheld rather than trusted.
      if (!scopeChecked) {
        console.error(`[guard] ${label} returned without a scope check`);
        return fail('INTERNAL');
      }
      const out = def.output.safeParse(result);
      if (!out.success) {
        console.error(`[guard] ${label} output does not match its contract: ${describeIssues(out.error)}`);
        return fail('INTERNAL');
      }
      await flushAudits();
      return ok(out.data);
    } catch (e) {
      if (e instanceof ActionError) {
        await flushAudits().catch(() => console.error(`[guard] ${label} audit write failed`));
        return fail(e.code);
      }
      // The stack only: inputs and database documents may hold personal data.
      console.error(`[${label}]`, e instanceof Error ? (e.stack ?? e.name) : 'non-error thrown');
      return fail('INTERNAL');
    }
  };
}
