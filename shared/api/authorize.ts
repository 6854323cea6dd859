import type { CallerRole, Scope } from '../constants/roles';
import type { ActionDef } from './define';
import { failure, type Result, success } from './result';

/** Who is calling, resolved server-side from the CloudBase context (never from the event). */
export type Caller = {
  role: CallerRole;
  userId?: string;
  residentId?: string;
  familyResidentIds?: readonly string[];
  teamIds?: readonly string[];
  gridIds?: readonly string[];
  institutionId?: string;
  districtId?: string;
};

/** Where the record an action touches sits: the handler loads it, then asks before acting. */
export type Target = {
  residentId?: string;
  userId?: string;
  teamId?: string;
  gridId?: string;
  institutionId?: string;
  districtId?: string;
};

const has = (list: readonly string[] | undefined, v: string | undefined): boolean =>
  v !== undefined && (list ?? []).includes(v);

// Each scope is a predicate over (caller, target); a missing field on either side means "no".
const IN_SCOPE: Record<Scope, (c: Caller, t: Target) => boolean> = {
  public: () => true,
  own: (c, t) =>
    (t.residentId !== undefined && t.residentId === c.residentId) ||
    (t.userId !== undefined && t.userId === c.userId),
  family: (c, t) => IN_SCOPE.own(c, t) || has(c.familyResidentIds, t.residentId),
  team: (c, t) => has(c.teamIds, t.teamId),
  grid: (c, t) => has(c.gridIds, t.gridId),
  institution: (c, t) => t.institutionId !== undefined && t.institutionId === c.institutionId,
  district: (c, t) => t.districtId !== undefined && t.districtId === c.districtId,
};

/** True when a caller's reach at `scope` covers the target. */
export const inScope = (scope: Scope, caller: Caller, target: Target): boolean =>
  IN_SCOPE[scope](caller, target);

/**
 * Decides whether a caller may run an action on a target: FORBIDDEN if the role is not allowed,
 * OUT_OF_SCOPE if it is but the target lies outside its reach. Returns the scope that applied.
 */
export const authorize = (
  def: ActionDef,
  caller: Caller,
  target: Target = {},
): Result<Scope, 'FORBIDDEN' | 'OUT_OF_SCOPE'> => {
  const scope = def.access[caller.role];
  if (scope === undefined) return failure('FORBIDDEN');
  return inScope(scope, caller, target) ? success(scope) : failure('OUT_OF_SCOPE');
};
