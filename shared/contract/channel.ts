import type { CallerRole } from '../constants/roles';

/** How a contract was signed (recorded on the contract): by the resident, a family member, or staff beside them. */
export const SIGNING_CHANNELS = ['self', 'proxy', 'grid_assisted', 'doctor_assisted'] as const;
export type SigningChannel = (typeof SIGNING_CHANNELS)[number];

/**
 * The channel follows from who calls for whom, never from the client: a resident signing for
 * their own record → self; for a registered family member → proxy; a grid worker's or doctor's
 * phone → grid_assisted / doctor_assisted (the resident signs on that screen).
 */
export const signingChannel = (
  role: CallerRole,
  callerResidentId: string | undefined,
  residentId: string,
): SigningChannel | null => {
  if (role === 'grid_worker') return 'grid_assisted';
  if (role === 'doctor') return 'doctor_assisted';
  if (role === 'resident') return callerResidentId === residentId ? 'self' : 'proxy';
  return null;
};
