import { z } from '../../api/zod';
import { ZSchedule } from '../../appointment/model';

/** A `schedules` document: one per doctor (`sch-<staffId>`), the shared schedule plus where it sits. */
export const ZScheduleDoc = z.object({
  ...ZSchedule.shape,
  institutionId: z.string().optional(),
  updatedAt: z.date().optional(),
});
export type ScheduleDoc = z.infer<typeof ZScheduleDoc>;
