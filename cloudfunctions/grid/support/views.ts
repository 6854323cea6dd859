import type { TMemberView, TReportView } from '@shared/api/grid';
import { RELATIONS } from '@shared/api/grid';
import type { ReportDoc } from '@shared/db/schemas/reports';
import { isOverdue, maskName } from '@shared/grid';
import { keyPopulationsAt } from '@shared/population';
import { shanghaiDay } from '@shared/time';
import type { MemberDoc } from './lookups';

/** A household member as a card shows it: masked name and ID, key populations today, signed or not. */
export function memberView(m: MemberDoc, signed: boolean, now: Date): TMemberView {
  const relation = (RELATIONS as readonly string[]).includes(m.relation ?? '')
    ? (m.relation as TMemberView['relation'])
    : undefined;
  return {
    residentId: m._id,
    name: maskName(m.name),
    idMasked: m.idMasked,
    ...(relation ? { relation } : {}),
    tags: keyPopulationsAt(
      {
        _id: m._id,
        birthDate: m.birthDate,
        sex: m.sex,
        tags: m.tags ?? [],
        pregnancies: m.pregnancies ?? [],
      },
      shanghaiDay(now),
    ),
    signed,
    movedOut: m.movedOutAt !== undefined && m.movedOutAt !== null,
  };
}

const iso = (d: Date | string | undefined) => (d === undefined ? undefined : new Date(d).toISOString());

export function reportView(r: ReportDoc, now: Date): TReportView {
  const opt = <K extends string, V>(k: K, v: V | undefined) =>
    v === undefined ? {} : ({ [k]: v } as Record<K, V>);
  return {
    reportId: r._id,
    kind: r.kind,
    ...opt('tag', r.tag),
    status: r.status,
    overdue: isOverdue(r, now),
    ...opt('note', r.note),
    householdId: r.householdId,
    address: r.address,
    gridName: r.gridName,
    ...opt('residentId', r.residentId),
    ...opt('residentName', r.residentName),
    reporterName: r.reporter.name,
    reportedAt: new Date(r.reportedAt).toISOString(),
    ackDueAt: new Date(r.ackDueAt).toISOString(),
    ...opt('acknowledgedAt', iso(r.acknowledgedAt)),
    ...opt('acknowledgedBy', r.acknowledgedBy?.name),
    ...opt('resolvedAt', iso(r.resolvedAt)),
    ...opt('resolvedBy', r.resolvedBy?.name),
    ...opt('intervention', r.intervention),
    ...opt('escalatedAt', iso(r.escalatedAt)),
    ...opt('adopted', r.adopted),
  };
}
