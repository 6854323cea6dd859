import { zh } from '../../i18n/zh';
import type { ResidenceValue } from './RegionPicker';

const t = zh.realname;

/**
 * The fields an identity form (实名认证, 添加家庭成员) still lacks, as field → message. Lives
 * outside the pages: in the weapp build a page module exports only its page, so a helper
 * imported from another page is undefined there.
 */
export const missingForIdentity = (
  form: { name: string; idNumber: string },
  residence: ResidenceValue | undefined,
  consent: boolean,
  mobile?: string,
): Record<string, string> => {
  const m: Record<string, string> = {};
  if (!form.name.trim()) m.name = t.missing.name;
  if (!form.idNumber.trim()) m.idNumber = t.missing.idNumber;
  if (mobile !== undefined && !mobile.trim()) m.mobile = t.missing.mobile;
  if (residence && !residence.regionId) m['residence.regionId'] = t.missing.region;
  if (residence && !residence.address.trim()) m['residence.address'] = t.missing.address;
  if (!consent) m.consent = t.missing.consent;
  return m;
};
