import type { TAG_LABELS } from '@shared/constants/messages';
import type { ResidentDoc } from '@shared/db/schemas/residents';
import { ageOn, shanghaiDay } from '@shared/time';

/** Fields a family-member view needs: masked values only, nothing is decrypted for a list. */
export const FAMILY_VIEW_FIELDS = ['name', 'idMasked', 'birthDate', 'tags', 'villageId'] as const;

/** A family-member view (ZFamilyMemberView) of a resident record. */
export const familyView = (
  r: Pick<ResidentDoc, '_id' | Exclude<(typeof FAMILY_VIEW_FIELDS)[number], 'villageId'>> & {
    villageId?: string;
  },
  relation: string,
  now: Date,
) => ({
  residentId: r._id,
  name: r.name,
  maskedIdNumber: r.idMasked,
  relation,
  age: ageOn(r.birthDate, shanghaiDay(now)),
  tags: (r.tags ?? []) as (keyof typeof TAG_LABELS)[],
  ...(r.villageId !== undefined ? { villageId: r.villageId } : {}),
});
