import { z } from 'zod';
import type { FieldIssue } from './envelope';

// Chinese messages for every built-in check, set once for whoever imports shared schemas.
const zhCN = z.locales.zhCN();
z.config(zhCN);

export { z };

/** Turns a zod error into field issues in Chinese: path ['members', 0, 'name'] → 'members.0.name'. */
export const toFieldIssues = (error: z.ZodError): FieldIssue[] =>
  error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));

/** Parses with the zh-CN error map forced for this call, so messages are Chinese even if a host reconfigured zod. */
export const parseWith = <S extends z.ZodType>(
  schema: S,
  data: unknown,
): { ok: true; data: z.output<S> } | { ok: false; issues: FieldIssue[] } => {
  const r = schema.safeParse(data, { error: zhCN.localeError });
  return r.success ? { ok: true, data: r.data } : { ok: false, issues: toFieldIssues(r.error) };
};
