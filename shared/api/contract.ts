import { ERROR_MESSAGES, VALIDATION_MESSAGES as V } from '../constants/messages';
import { TERMINATION_REASONS } from '../contract/model';
import { confirm, pendingList, reject, STAFF_ON_CONTRACT, teamContracts, verify } from './contractStaff';
import { defineAction } from './define';
import { zDay, zId, zPage } from './fields';
import { ZContractList, ZContractView, ZQuoteView, ZTeamDetail, ZTeamSummary } from './views';
import { z } from './zod';

/** Package choice: at least one, no repeats (the basic-package rule is checked by quotePackages). */
const zPackageIds = z
  .array(zId)
  .min(1, { error: ERROR_MESSAGES.BASIC_PACKAGE_REQUIRED })
  .max(10)
  .refine((ids) => new Set(ids).size === ids.length, { error: V.uniqueIds });
const zConsent = z.literal(true, { error: ERROR_MESSAGES.CONSENT_REQUIRED });
const BROWSE = {
  guest: 'public',
  resident: 'public',
  doctor: 'public',
  grid_worker: 'public',
  institution_admin: 'public',
  district_admin: 'public',
} as const;
const zContractRef = z.object({ contractId: zId });
/** The client's id for one submit: a retry with the same id returns the same contract. */
const zRequestId = zId;
/** Storage file id of the handwritten signature PNG the client uploaded (cloud://…). */
const zSignatureFileId = z.string().trim().min(1).max(300);

export const ZListTeamsInput = z.object({
  institutionId: zId.optional(),
  gridId: zId.optional(),
  /** Rank for this person instead of the caller: the caller themself or a family member. */
  residentId: zId.optional(),
  page: zPage.default({ offset: 0, limit: 20 }),
});
export type TListTeamsInput = z.output<typeof ZListTeamsInput>;
export const listTeams = defineAction({
  fn: 'contract',
  action: 'listTeams',
  summary: 'Teams a resident may choose (own jurisdiction first)',
  input: ZListTeamsInput,
  output: z.object({ teams: z.array(ZTeamSummary), total: z.number().int() }),
  errors: [],
  access: BROWSE,
});

export const ZEligibilityInput = z.object({
  residentId: zId,
  teamId: zId,
  /** 'change' skips the one-live-contract rule (a change of team keeps the old one until confirmed). */
  mode: z.enum(['new', 'change']).default('new'),
});
export type TEligibilityInput = z.output<typeof ZEligibilityInput>;
export const ZEligibilityOutput = z.object({
  eligible: z.boolean(),
  /** The stable code of the first rule that stops it (OUT_OF_JURISDICTION, TEAM_FULL, RESIDENCE_REQUIRED…). */
  code: z.string().optional(),
  /** What stops it, in plain Chinese naming the places involved. */
  message: z.string().optional(),
});
/**
 * Preflight before packages, agreement and signature: may this person sign with this team now?
 * The same rules sign applies (residence in the team's service area, places left, one live
 * contract), answered as data so nobody signs only to be refused.
 */
export const eligibility = defineAction({
  fn: 'contract',
  action: 'eligibility',
  summary: 'May this resident sign with this team (checked before the signing steps)',
  input: ZEligibilityInput,
  output: ZEligibilityOutput,
  errors: ['TEAM_NOT_FOUND', 'NOT_VERIFIED'],
  access: { resident: 'family', grid_worker: 'grid', doctor: 'team' },
});

export const ZTeamDetailInput = z.object({ teamId: zId });
export type TTeamDetailInput = z.output<typeof ZTeamDetailInput>;
export const teamDetail = defineAction({
  fn: 'contract',
  action: 'teamDetail',
  summary: 'A team: members, service area, packages',
  input: ZTeamDetailInput,
  output: ZTeamDetail,
  errors: ['TEAM_NOT_FOUND'],
  access: BROWSE,
});

export const ZQuoteInput = z.object({ residentId: zId, teamId: zId, packageIds: zPackageIds });
export type TQuoteInput = z.output<typeof ZQuoteInput>;
/** Fees are computed by the server from shared/fees; the client only displays them. */
export const quote = defineAction({
  fn: 'contract',
  action: 'quote',
  summary: 'Fee split for a package choice',
  input: ZQuoteInput,
  output: ZQuoteView,
  errors: ['TEAM_NOT_FOUND', 'PACKAGE_NOT_FOUND', 'PACKAGE_NOT_ELIGIBLE', 'BASIC_PACKAGE_REQUIRED'],
  access: { resident: 'family', grid_worker: 'grid', doctor: 'team' },
});

export const ZSignContractInput = z.object({
  residentId: zId,
  teamId: zId,
  packageIds: zPackageIds,
  requestedStart: zDay.optional(),
  consent: zConsent,
  requestId: zRequestId,
  signatureFileId: zSignatureFileId,
});
export type TSignContractInput = z.output<typeof ZSignContractInput>;
export const sign = defineAction({
  fn: 'contract',
  action: 'sign',
  summary: 'Request a contract (pending until the institution confirms)',
  input: ZSignContractInput,
  output: ZContractView,
  errors: [
    'NOT_VERIFIED',
    'TEAM_NOT_FOUND',
    'TEAM_FULL',
    'OUT_OF_JURISDICTION',
    'ALREADY_SIGNED',
    'ALREADY_PENDING',
    'START_IN_PAST',
    'START_TOO_LATE',
    'PACKAGE_NOT_FOUND',
    'PACKAGE_NOT_ELIGIBLE',
    'BASIC_PACKAGE_REQUIRED',
    'CONSENT_REQUIRED',
    'CONTRACT_EXISTS',
    'SIGNATURE_INVALID',
  ],
  access: { resident: 'family', grid_worker: 'grid', doctor: 'team' },
});

export const ZWithdrawContractInput = zContractRef;
export type TWithdrawContractInput = z.output<typeof ZWithdrawContractInput>;
export const withdraw = defineAction({
  fn: 'contract',
  action: 'withdraw',
  summary: 'Withdraw a pending request',
  input: ZWithdrawContractInput,
  output: ZContractView,
  errors: ['CONTRACT_NOT_FOUND', 'ILLEGAL_TRANSITION'],
  access: { resident: 'family' },
});

export const ZRenewContractInput = z.object({
  contractId: zId,
  packageIds: zPackageIds.optional(),
  requestId: zRequestId,
  signatureFileId: zSignatureFileId,
});
export type TRenewContractInput = z.output<typeof ZRenewContractInput>;
export const renew = defineAction({
  fn: 'contract',
  action: 'renew',
  summary: 'Renew with the same team inside the renewal window',
  input: ZRenewContractInput,
  output: ZContractView,
  errors: [
    'CONTRACT_NOT_FOUND',
    'ILLEGAL_TRANSITION',
    'NOT_IN_RENEWAL_WINDOW',
    'ALREADY_PENDING',
    'ALREADY_SIGNED',
    'PACKAGE_NOT_ELIGIBLE',
    'BASIC_PACKAGE_REQUIRED',
    'CONTRACT_EXISTS',
    'SIGNATURE_INVALID',
  ],
  access: { resident: 'family', grid_worker: 'grid' },
});

export const ZChangeTeamInput = z.object({
  contractId: zId,
  teamId: zId,
  packageIds: zPackageIds,
  requestedStart: zDay.optional(),
  consent: zConsent,
  requestId: zRequestId,
  signatureFileId: zSignatureFileId,
});
export type TChangeTeamInput = z.output<typeof ZChangeTeamInput>;
export const changeTeam = defineAction({
  fn: 'contract',
  action: 'changeTeam',
  summary: 'Sign again with another team; the old contract ends when the new one starts',
  input: ZChangeTeamInput,
  output: ZContractView,
  errors: [
    'CONTRACT_NOT_FOUND',
    'ILLEGAL_TRANSITION',
    'SAME_TEAM',
    'ALREADY_PENDING',
    'TEAM_NOT_FOUND',
    'TEAM_FULL',
    'OUT_OF_JURISDICTION',
    'START_IN_PAST',
    'START_TOO_LATE',
    'PACKAGE_NOT_ELIGIBLE',
    'BASIC_PACKAGE_REQUIRED',
    'CONTRACT_EXISTS',
    'SIGNATURE_INVALID',
  ],
  access: { resident: 'family' },
});

export const ZTerminateContractInput = z
  .object({
    contractId: zId,
    reason: z.enum(TERMINATION_REASONS),
    note: z.string().trim().max(200).optional(),
  })
  .refine((i) => i.reason !== 'other' || (i.note ?? '') !== '', {
    error: ERROR_MESSAGES.REASON_REQUIRED,
    path: ['note'],
  });
export type TTerminateContractInput = z.output<typeof ZTerminateContractInput>;
export const terminate = defineAction({
  fn: 'contract',
  action: 'terminate',
  summary: 'End an active contract early, with a reason',
  input: ZTerminateContractInput,
  output: ZContractView,
  errors: ['CONTRACT_NOT_FOUND', 'ILLEGAL_TRANSITION', 'REASON_REQUIRED'],
  access: { resident: 'family', ...STAFF_ON_CONTRACT },
});

export const ZMyContractsInput = z.object({}).strict();
export type TMyContractsInput = z.output<typeof ZMyContractsInput>;
export const mine = defineAction({
  fn: 'contract',
  action: 'mine',
  summary: 'Contracts of the caller and family, status as of now',
  input: ZMyContractsInput,
  output: ZContractList,
  errors: [],
  access: { resident: 'family' },
});

export const ZContractPdfInput = zContractRef;
export type TContractPdfInput = z.output<typeof ZContractPdfInput>;
/** The signed contract as a PDF (agreement, parties, fees, dates, signature, verification code). */
export const pdf = defineAction({
  fn: 'contract',
  action: 'pdf',
  summary: 'Download the signed contract as a PDF',
  input: ZContractPdfInput,
  output: z.object({ fileId: z.string(), downloadUrl: z.string(), verificationCode: z.string() }),
  errors: ['CONTRACT_NOT_FOUND', 'SIGNATURE_INVALID'],
  access: { resident: 'family', ...STAFF_ON_CONTRACT },
});

/** A base64 PNG of at most ~200 KB: a drawn signature is a few tens of KB. */
export const ZUploadSignatureInput = z.object({ png: z.string().min(12).max(280_000) });
export type TUploadSignatureInput = z.output<typeof ZUploadSignatureInput>;
/**
 * Stores the handwritten signature on the server and records who uploaded it (issue 11): sign,
 * renew and changeTeam accept only a signature the caller uploaded here, recently.
 */
export const uploadSignature = defineAction({
  fn: 'contract',
  action: 'uploadSignature',
  summary: 'Upload the handwritten signature image',
  input: ZUploadSignatureInput,
  output: z.object({ signatureFileId: z.string() }),
  errors: ['SIGNATURE_INVALID'],
  access: { resident: 'own', grid_worker: 'own', doctor: 'own' },
});

/** Every `contract` action (staff-side ones live in ./contractStaff.ts). */
export const CONTRACT_ACTIONS = [
  listTeams,
  teamDetail,
  quote,
  sign,
  withdraw,
  confirm,
  reject,
  renew,
  changeTeam,
  terminate,
  mine,
  pendingList,
  teamContracts,
  verify,
  pdf,
  eligibility,
  uploadSignature,
];
