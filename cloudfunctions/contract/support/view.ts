import type { sign } from '@shared/api/contract';
import type { OutputOf } from '@shared/api/define';
import { ROLE_LABELS } from '@shared/constants/messages';
import { effectiveStatus, renewalWindow } from '@shared/contract/status';
import type { ContractDoc } from '@shared/db/schemas/contracts';
import type { TeamRecord } from '../../_data/teams.repo';

type View = OutputOf<typeof sign>;

const iso = (d: unknown): string | undefined => (d instanceof Date ? d.toISOString() : undefined);

/** The reader's view of a contract at `now`: status via effectiveStatus (past term reads expired). */
export const contractView = (c: ContractDoc, now: Date, team?: TeamRecord): View => {
  const w = c.status === 'active' || c.status === 'expired' ? renewalWindow(c) : null;
  const opt = <K extends string, V>(k: K, v: V | undefined) =>
    v === undefined ? {} : ({ [k]: v } as Record<K, V>);
  return {
    contractId: c._id,
    residentId: c.residentId,
    residentName: c.residentName,
    teamId: c.teamId,
    teamName: c.teamName,
    kind: c.kind,
    status: effectiveStatus(c, now),
    signedAt: c.signedAt.toISOString(),
    ...opt('requestedStart', c.requestedStart),
    ...opt('startDate', c.startDate),
    ...opt('endDate', c.endDate),
    ...opt('renewableFrom', w?.start),
    ...opt('renewableUntil', w?.end),
    ...opt('rejectReason', c.rejectReason),
    ...opt('terminationReason', c.terminationReason),
    fee: c.fee,
    channel: c.channel,
    verificationCode: c.verificationCode,
    ...opt('institutionName', team?.institutionName),
    ...opt('institutionPhone', team?.institutionPhone),
    ...opt('leaderName', team?.members.find((m) => m.staffId === team.leaderStaffId)?.name),
    ...opt(
      'contacts',
      team?.members.map((m) => ({ name: m.name, position: ROLE_LABELS[m.position] })),
    ),
    ...opt('confirmedAt', iso(c.confirmedAt)),
    ...opt('rejectedAt', iso(c.rejectedAt)),
    ...opt('withdrawnAt', iso(c.withdrawnAt)),
    ...opt('terminatedAt', iso(c.terminatedAt)),
    ...opt('supersededAt', iso(c.supersededAt)),
  };
};
