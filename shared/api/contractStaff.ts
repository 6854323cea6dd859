import { EFFECTIVE_STATUSES } from '../contract/model';
import { defineAction } from './define';
import { zDay, zId, zPage, zReason } from './fields';
import { ZContractList, ZContractView } from './views';
import { z } from './zod';

/** Staff-side `contract` actions: confirming, refusing and reading team rosters. */
export const STAFF_ON_CONTRACT = { doctor: 'team', institution_admin: 'institution' } as const;
const zContractRef = z.object({ contractId: zId });

export const ZConfirmContractInput = zContractRef;
export type TConfirmContractInput = z.output<typeof ZConfirmContractInput>;
export const confirm = defineAction({
  fn: 'contract',
  action: 'confirm',
  summary: 'The institution confirms: the contract takes effect',
  input: ZConfirmContractInput,
  output: ZContractView,
  errors: ['CONTRACT_NOT_FOUND', 'ILLEGAL_TRANSITION', 'NOT_TEAM_LEADER', 'TEAM_FULL'],
  access: STAFF_ON_CONTRACT,
});

export const ZRejectContractInput = z.object({ contractId: zId, reason: zReason });
export type TRejectContractInput = z.output<typeof ZRejectContractInput>;
export const reject = defineAction({
  fn: 'contract',
  action: 'reject',
  summary: 'Refuse a pending request with a reason',
  input: ZRejectContractInput,
  output: ZContractView,
  errors: ['CONTRACT_NOT_FOUND', 'ILLEGAL_TRANSITION', 'REASON_REQUIRED', 'NOT_TEAM_LEADER'],
  access: STAFF_ON_CONTRACT,
});

export const ZPendingListInput = z.object({
  teamId: zId.optional(),
  page: zPage.default({ offset: 0, limit: 20 }),
});
export type TPendingListInput = z.output<typeof ZPendingListInput>;
export const pendingList = defineAction({
  fn: 'contract',
  action: 'pendingList',
  summary: 'Requests waiting for confirmation',
  input: ZPendingListInput,
  output: ZContractList,
  errors: [],
  access: STAFF_ON_CONTRACT,
});

export const ZTeamContractsInput = z.object({
  teamId: zId,
  status: z.enum(EFFECTIVE_STATUSES).optional(),
  page: zPage.default({ offset: 0, limit: 20 }),
});
export type TTeamContractsInput = z.output<typeof ZTeamContractsInput>;
export const teamContracts = defineAction({
  fn: 'contract',
  action: 'teamContracts',
  summary: 'A team roster of contracts by effective status',
  input: ZTeamContractsInput,
  output: ZContractList,
  errors: ['TEAM_NOT_FOUND'],
  access: { ...STAFF_ON_CONTRACT, district_admin: 'district' },
});

export const ZVerifyContractInput = zContractRef;
export type TVerifyContractInput = z.output<typeof ZVerifyContractInput>;
/** For priority at a referral hospital (green channel): is this contract live now? */
export const verify = defineAction({
  fn: 'contract',
  action: 'verify',
  summary: 'Check that a contract is live (referral priority)',
  input: ZVerifyContractInput,
  output: z.object({
    live: z.boolean(),
    status: z.enum(EFFECTIVE_STATUSES),
    teamName: z.string(),
    startDate: zDay.optional(),
    endDate: zDay.optional(),
    /** The code printed on the contract, recomputed from the stored agreement and signature file. */
    verificationCode: z.string().optional(),
    /** False when the stored agreement or signature no longer matches the seal taken at signing. */
    intact: z.boolean(),
  }),
  errors: ['CONTRACT_NOT_FOUND'],
  access: { doctor: 'district', institution_admin: 'district', district_admin: 'district' },
});
