import type { OutputOf } from '@shared/api/define';
import type {
  addFamilyMember as addFamilyMemberDef,
  answerFamilyRequest as answerFamilyRequestDef,
  bindStaff as bindStaffDef,
  familyRequests as familyRequestsDef,
  listFamily as listFamilyDef,
  login as loginDef,
  me as meDef,
  regions as regionsDef,
  setResidence as setResidenceDef,
  TAddFamilyMemberInput,
  TResidenceInput,
  verifyIdentity as verifyIdentityDef,
  withdrawConsent as withdrawConsentDef,
} from '@shared/api/user';
import { invoke } from './api';

// Input types are what the page sends (before the server's zod transforms); outputs as declared.
type In<T> = { [K in keyof T]: T[K] };

/** Finds or creates the account of this WeChat identity (openid from the platform, never sent). */
export const login = () => invoke<OutputOf<typeof loginDef>>('user', 'login');

/** The caller's profile: masked ID and phone, consent version. */
export const me = () => invoke<OutputOf<typeof meDef>>('user', 'me');

/** Real-name verification with consent to the current privacy notice. */
export const verifyIdentity = (input: {
  name: string;
  idNumber: string;
  mobile: string;
  consent: true;
  residence?: TResidenceInput;
}) => invoke<OutputOf<typeof verifyIdentityDef>>('user', 'verifyIdentity', input);

/** The caller and the family members they act for. */
export const listFamily = () => invoke<OutputOf<typeof listFamilyDef>>('user', 'listFamily');

/** Adds a child or elderly parent to act for. */
export const addFamilyMember = (input: In<Omit<TAddFamilyMemberInput, 'consent'>> & { consent: true }) =>
  invoke<OutputOf<typeof addFamilyMemberDef>>('user', 'addFamilyMember', input);

/** Withdraws consent for oneself or a family member. */
export const withdrawConsent = (residentId: string) =>
  invoke<OutputOf<typeof withdrawConsentDef>>('user', 'withdrawConsent', { residentId });

/** Binds this WeChat identity to a staff account with the one-time code from the admin. */
export const bindStaff = (bindCode: string, mobile: string) =>
  invoke<OutputOf<typeof bindStaffDef>>('user', 'bindStaff', { bindCode, mobile });

/** One level of the region tree (区 → 街道/乡镇 → 社区/村 → 网格) for the residence picker. */
export const regions = (parentId?: string) =>
  invoke<OutputOf<typeof regionsDef>>('user', 'regions', parentId ? { parentId } : {});

/** Records where the caller or a family member lives. */
export const setResidence = (residentId: string, residence: TResidenceInput) =>
  invoke<OutputOf<typeof setResidenceDef>>('user', 'setResidence', { residentId, residence });
/** Requests from others to act for me (someone added me as family while I have my own account). */
export const familyRequests = () => invoke<OutputOf<typeof familyRequestsDef>>('user', 'familyRequests');

/** Accepts or declines one such request. */
export const answerFamilyRequest = (requestId: string, accept: boolean) =>
  invoke<OutputOf<typeof answerFamilyRequestDef>>('user', 'answerFamilyRequest', { requestId, accept });
