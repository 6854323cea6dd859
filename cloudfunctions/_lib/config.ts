/**
 * Deployment configuration read from the function's environment. The district administrator is
 * not created in the app (nobody above them could create them): their WeChat openid is set on the
 * functions as `JY_DISTRICT_ADMINS="<openid>=<districtId>[,…]"` (docs/deployment.md).
 */
export const DISTRICT_ADMINS_ENV = 'JY_DISTRICT_ADMINS';

/** The district an openid administers by configuration, if any. */
export function configuredDistrictOf(openid: string): string | undefined {
  for (const entry of (process.env[DISTRICT_ADMINS_ENV] ?? '').split(',')) {
    const [who, district] = entry.trim().split('=');
    if (who && district && who === openid) return district;
  }
  return undefined;
}
