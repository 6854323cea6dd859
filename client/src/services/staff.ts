import type { OutputOf } from '@shared/api/define';
import type {
  createStaff as createStaffDef,
  listStaff as listStaffDef,
  reissueBindCode as reissueBindCodeDef,
  searchResidents as searchResidentsDef,
} from '@shared/api/user';
import type { StaffRole, TeamPosition } from '@shared/constants/roles';
import { invoke } from './api';

// Staff-only calls (人员管理, assisted signing): used from sub-package pages only; types only from
// shared/api so no zod reaches any bundle through here.

export type StaffList = OutputOf<typeof listStaffDef>;
export type StaffRow = StaffList['staff'][number];
export type IssuedCode = OutputOf<typeof createStaffDef>;
export type ResidentMatch = OutputOf<typeof searchResidentsDef>['residents'][number];

/** One institution's staff (masked) and the teams/grids a new account can be placed in. */
export const listStaff = (institutionId?: string, offset = 0) =>
  invoke<StaffList>('user', 'listStaff', {
    ...(institutionId ? { institutionId } : {}),
    ...(offset ? { offset } : {}),
  });

/** Creates a staff account; the answer carries its one-time bind code (shown once). */
export const createStaff = (input: {
  name: string;
  mobile: string;
  role: StaffRole;
  institutionId?: string;
  teamId?: string;
  position?: TeamPosition;
  gridId?: string;
}) => invoke<IssuedCode>('user', 'createStaff', input);

/** A new one-time code for an account not bound yet (the old one stops working). */
export const reissueBindCode = (staffId: string) =>
  invoke<OutputOf<typeof reissueBindCodeDef>>('user', 'reissueBindCode', { staffId });

/** Residents of my service area by name + last 4 of ID number or mobile (masked answers). */
export const searchResidents = (name: string, tail: string) =>
  invoke<OutputOf<typeof searchResidentsDef>>('user', 'searchResidents', { name, tail });
