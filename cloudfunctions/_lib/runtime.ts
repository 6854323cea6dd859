import cloudbase from '@cloudbase/node-sdk';
import type { Envelope } from '@shared/api/envelope';
import { ok } from '@shared/api/envelope';
import { fail } from '@shared/api/respond';
import { parseWith, z } from '@shared/api/zod';

/** Who is calling, as the platform delivered it in the function context (never the event body). */
export type Identity = { openid: string | null; appid: string | null; unionid: string | null };

export type ActionContext = { identity: Identity; context: unknown };

type ActionDef<I extends z.ZodType, O> = {
  input: I;
  handle: (input: z.infer<I>, ctx: ActionContext) => Promise<O> | O;
};

const ZEvent = z.object({ action: z.string().min(1), input: z.unknown().optional() });

type SdkContext = Parameters<typeof cloudbase.getCloudbaseContext>[0];

/** A context variable as a non-empty string, or null (the older `environ` shape may give arrays). */
const field = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/**
 * Reads the caller through the SDK's own helper, which accepts every shape the platform uses:
 * `context.environment` (JSON, newer runtime), `context.environ` (`k=v;…`, older runtime) and the
 * WX_* process variables. A context the SDK cannot parse (e.g. a hand-made `{}`) leaves only the
 * process variables. The event body is never read, and no openid means anonymous.
 */
export function identityFrom(context: unknown): Identity {
  let c: Record<string, unknown>;
  try {
    c = cloudbase.getCloudbaseContext(
      context && typeof context === 'object' ? (context as SdkContext) : undefined,
    ) as unknown as Record<string, unknown>;
  } catch {
    c = cloudbase.getCloudbaseContext() as unknown as Record<string, unknown>;
  }
  const openid = field(c.WX_OPENID);
  if (!openid) return { openid: null, appid: null, unionid: null };
  return { openid, appid: field(c.WX_APPID), unionid: field(c.WX_UNIONID) };
}

/**
 * Builds a function entry that routes on `action`: parse → handle → envelope. Unknown actions and
 * bad input answer a stable code with a Chinese message; an unexpected exception answers INTERNAL
 * (the stack goes to the log, the input never does: it may hold personal data).
 */
export function createFunction(name: string, actions: Record<string, ActionDef<z.ZodType, unknown>>) {
  // A Map of own entries only: a plain-object lookup would find `constructor`, `toString` or
  // `__proto__` on Object.prototype for an action of that name.
  const table = new Map(Object.entries(actions));
  return async function main(event: unknown, context: unknown): Promise<Envelope<unknown>> {
    try {
      const parsed = parseWith(ZEvent, event);
      if (!parsed.ok) return fail('BAD_INPUT', parsed.issues);
      const def = table.get(parsed.data.action);
      if (!def) return fail('UNKNOWN_ACTION');
      const input = parseWith(def.input, parsed.data.input ?? {});
      if (!input.ok) return fail('BAD_INPUT', input.issues);
      return ok(await def.handle(input.data, { identity: identityFrom(context), context }));
    } catch (e) {
      // Never the error text to the caller; the stack only to the log (inputs may hold personal data).
      console.error(`[${name}]`, e instanceof Error ? (e.stack ?? e.name) : 'non-error thrown');
      return fail('INTERNAL');
    }
  };
}

/** Declares one action with its input schema (keeps handler input typed). */
export function action<I extends z.ZodType, O>(def: ActionDef<I, O>): ActionDef<z.ZodType, unknown> {
  return def as ActionDef<z.ZodType, unknown>;
}
