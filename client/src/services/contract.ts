import type {
  changeTeam as changeTeamDef,
  eligibility as eligibilityDef,
  listTeams as listTeamsDef,
  mine as mineDef,
  pdf as pdfDef,
  quote as quoteDef,
  renew as renewDef,
  sign as signDef,
  teamDetail as teamDetailDef,
  terminate as terminateDef,
  uploadSignature as uploadSignatureDef,
  withdraw as withdrawDef,
} from '@shared/api/contract';
import type {
  confirm as confirmDef,
  pendingList as pendingListDef,
  reject as rejectDef,
  teamContracts as teamContractsDef,
} from '@shared/api/contractStaff';
import type { OutputOf } from '@shared/api/define';
import type { TERMINATION_REASONS } from '@shared/contract/model';
import Taro from '@tarojs/taro';
import { invoke } from './api';

export type TeamSummary = OutputOf<typeof listTeamsDef>['teams'][number];
export type TeamDetail = OutputOf<typeof teamDetailDef>;
export type Quote = OutputOf<typeof quoteDef>;
export type ContractView = OutputOf<typeof signDef>;
export type TerminationReason = (typeof TERMINATION_REASONS)[number];

/** Teams I may choose, my grid / community first (ranked by the server). */
export const listTeams = (input: { institutionId?: string; gridId?: string; residentId?: string } = {}) =>
  invoke<OutputOf<typeof listTeamsDef>>('contract', 'listTeams', input);

/** Preflight before the signing steps: may this person sign with this team now, and if not, why. */
export const eligibility = (input: { residentId: string; teamId: string; mode?: 'new' | 'change' }) =>
  invoke<OutputOf<typeof eligibilityDef>>('contract', 'eligibility', input);

export const teamDetail = (teamId: string) =>
  invoke<OutputOf<typeof teamDetailDef>>('contract', 'teamDetail', { teamId });

/** The fee split is computed by the server; the page only shows it. */
export const quote = (input: { residentId: string; teamId: string; packageIds: string[] }) =>
  invoke<OutputOf<typeof quoteDef>>('contract', 'quote', input);

export type SignInput = {
  residentId: string;
  teamId: string;
  packageIds: string[];
  requestedStart?: string;
  consent: true;
  requestId: string;
  signatureFileId: string;
};
export const sign = (input: SignInput) => invoke<OutputOf<typeof signDef>>('contract', 'sign', input);

export const withdraw = (contractId: string) =>
  invoke<OutputOf<typeof withdrawDef>>('contract', 'withdraw', { contractId });

export const renew = (input: {
  contractId: string;
  packageIds?: string[];
  requestId: string;
  signatureFileId: string;
}) => invoke<OutputOf<typeof renewDef>>('contract', 'renew', input);

export const changeTeam = (input: Omit<SignInput, 'residentId'> & { contractId: string }) =>
  invoke<OutputOf<typeof changeTeamDef>>('contract', 'changeTeam', input);

export const terminate = (input: { contractId: string; reason: TerminationReason; note?: string }) =>
  invoke<OutputOf<typeof terminateDef>>('contract', 'terminate', input);

export const mine = () => invoke<OutputOf<typeof mineDef>>('contract', 'mine', {});

export const contractPdf = (contractId: string) =>
  invoke<OutputOf<typeof pdfDef>>('contract', 'pdf', { contractId });

export const pendingList = (input: { teamId?: string } = {}) =>
  invoke<OutputOf<typeof pendingListDef>>('contract', 'pendingList', input);

export const teamContracts = (teamId: string) =>
  invoke<OutputOf<typeof teamContractsDef>>('contract', 'teamContracts', { teamId });

export const confirmContract = (contractId: string) =>
  invoke<OutputOf<typeof confirmDef>>('contract', 'confirm', { contractId });

export const rejectContract = (contractId: string, reason: string) =>
  invoke<OutputOf<typeof rejectDef>>('contract', 'reject', { contractId, reason });

/** A fresh id for one submit: a network retry reuses it, so the server returns the same contract. */
export { newRequestId } from './requestId';

/**
 * Hands the signature PNG to the server (contract.uploadSignature), which stores it and records
 * that this caller uploaded it; signing accepts only such a file. On H5 the pad gives a data URL,
 * on weapp a temp file path read as base64. `_requestId` is kept for callers; the server names the file.
 */
export async function uploadSignature(image: string, _requestId?: string): Promise<string> {
  const png =
    process.env.TARO_ENV === 'weapp'
      ? (Taro.getFileSystemManager().readFileSync(image, 'base64') as string)
      : image.replace(/^data:[^,]*;base64,/, '');
  const r = await invoke<OutputOf<typeof uploadSignatureDef>>('contract', 'uploadSignature', { png });
  return r.signatureFileId;
}

/** Opens the signed PDF: a download on H5, the system viewer on weapp. */
export async function openPdf(contractId: string): Promise<string> {
  const { downloadUrl, fileId } = await contractPdf(contractId);
  if (process.env.TARO_ENV === 'weapp') {
    const { tempFilePath } = await Taro.cloud.downloadFile({ fileID: fileId });
    await Taro.openDocument({ filePath: tempFilePath, fileType: 'pdf', showMenu: true });
    return tempFilePath;
  }
  const a = document.createElement('a');
  a.href = downloadUrl;
  a.download = `家庭医生签约协议-${contractId}.pdf`;
  document.body.appendChild(a);
  a.click();
  a.remove();
  return downloadUrl;
}
