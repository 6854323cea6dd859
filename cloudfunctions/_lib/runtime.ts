import cloudbase from '@cloudbase/node-sdk';
import { type Envelope, err, type FieldIssue, ok } from '@shared/api/envelope';
import { z } from 'zod';

/** Who is calling, as the platform delivered it in the function context (never the event body). */
export type Caller = { openid: string | null; appid: string | null; unionid: string | null };

export type ActionContext = { caller: Caller; context: unknown };

type ActionDef<I extends z.ZodType, O> = {
  input: I;
  handle: (input: z.infer<I>, ctx: ActionContext) => Promise<O> | O;
};

const ZEvent = z.object({ action: z.string().min(1), input: z.unknown().optional() });

/** Reads the caller from the CloudBase context; the event body is never trusted for identity. */
export function callerFrom(context: unknown): Caller {
  // The platform always passes `environment`; anything else (a hand-made call) is anonymous.
  const environment = (context as { environment?: unknown } | null)?.environment;
  if (typeof environment !== 'string') return { openid: null, appid: null, unionid: null };
  const c = cloudbase.getCloudbaseContext(context as Parameters<typeof cloudbase.getCloudbaseContext>[0]);
  return { openid: c.WX_OPENID || null, appid: c.WX_APPID || null, unionid: c.WX_UNIONID || null };
}

function issuesOf(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

/**
 * Builds a function entry that routes on `action`: parse → handle → envelope. Unknown actions and
 * bad input answer a stable code; an unexpected exception answers INTERNAL (stack to the log only).
 */
export function createFunction(name: string, actions: Record<string, ActionDef<z.ZodType, unknown>>) {
  return async function main(event: unknown, context: unknown): Promise<Envelope<unknown>> {
    const parsed = ZEvent.safeParse(event);
    if (!parsed.success) return err('BAD_REQUEST', '请求格式不正确', issuesOf(parsed.error));
    const def = actions[parsed.data.action];
    if (!def) return err('UNKNOWN_ACTION', '不支持的操作');
    const input = def.input.safeParse(parsed.data.input ?? {});
    if (!input.success) return err('VALIDATION_FAILED', '输入内容有误，请检查后重试', issuesOf(input.error));
    try {
      return ok(await def.handle(input.data, { caller: callerFrom(context), context }));
    } catch (e) {
      // Log the function/action and the stack only: never the input, which may hold personal data.
      console.error(`[${name}.${parsed.data.action}]`, e instanceof Error ? e.stack : String(e));
      return err('INTERNAL', '服务暂时不可用，请稍后重试');
    }
  };
}

/** Declares one action with its input schema (keeps handler input typed). */
export function action<I extends z.ZodType, O>(def: ActionDef<I, O>): ActionDef<z.ZodType, unknown> {
  return def as ActionDef<z.ZodType, unknown>;
}
