import type { ErrorCode } from '../constants/errors';
import type { CallerRole, Scope } from '../constants/roles';
import type { z } from './zod';

/** Deployable cloud functions (DESIGN.md "Functions"); later domains add their actions here too. */
export const FUNCTIONS = [
  'user',
  'contract',
  'appointment',
  'care',
  'education',
  'grid',
  'stats',
  'scheduler',
  'consult',
] as const;
export type FunctionName = (typeof FUNCTIONS)[number];

/** Errors any action may answer with, whatever it declares. */
export const COMMON_ERRORS = [
  'BAD_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'OUT_OF_SCOPE',
  'INTERNAL',
  'BUSY',
] as const;

/**
 * One operation, described once and imported by both the page's service module and the function
 * (ts-rest style): zod input and output, the error codes it may return, and for each allowed role
 * how far its reach goes. A role missing from `access` is refused.
 */
export type ActionDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> = {
  fn: FunctionName;
  action: string;
  summary: string;
  input: I;
  output: O;
  errors: readonly ErrorCode[];
  access: Partial<Record<CallerRole, Scope>>;
};

/** The allowed roles of an action, in declaration order. */
export const rolesOf = (def: ActionDef): CallerRole[] => Object.keys(def.access) as CallerRole[];

/** Declares an action, adding the common error codes; keeps literal types for handler inference. */
export const defineAction = <I extends z.ZodType, O extends z.ZodType>(
  def: ActionDef<I, O>,
): ActionDef<I, O> => ({
  ...def,
  errors: [...new Set<ErrorCode>([...COMMON_ERRORS, ...def.errors])],
});

/** Input type of an action (after parsing). */
export type InputOf<D extends ActionDef> = z.output<D['input']>;

/** Output type of an action. */
export type OutputOf<D extends ActionDef> = z.output<D['output']>;
