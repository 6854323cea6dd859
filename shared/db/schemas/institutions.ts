import { z } from '../../api/zod';

/** An `institutions` document: a township health centre (卫生院 / 社区卫生服务中心). */
export const ZInstitutionDoc = z.object({
  _id: z.string(),
  name: z.string(),
  townshipId: z.string(),
  districtId: z.string(),
  phone: z.string().optional(),
});
export type InstitutionDoc = z.infer<typeof ZInstitutionDoc>;
