import { type TServicePackage, ZServicePackage } from '../../fees/packages';

/** A `servicePackages` document is the shared package model as stored (fees in fen). */
export const ZServicePackageDoc = ZServicePackage;
export type ServicePackageDoc = TServicePackage;
