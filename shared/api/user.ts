import { ERROR_MESSAGES, VALIDATION_MESSAGES as V } from '../constants/messages';
import { CALLER_ROLES, STAFF_ROLES, TEAM_POSITIONS } from '../constants/roles';
import { defineAction } from './define';
import { zDay, zId, zIdNumber, zInstant, zMobile, zName, zReason } from './fields';
import { ZFamilyMemberView } from './views';
import { z } from './zod';

/** Consent to the personal-information notice must be an explicit `true` (recorded at signing). */
const zConsent = z.literal(true, { error: ERROR_MESSAGES.CONSENT_REQUIRED });
const ALL = {
  guest: 'public',
  resident: 'public',
  doctor: 'public',
  grid_worker: 'public',
  institution_admin: 'public',
  district_admin: 'public',
} as const;

export const FAMILY_RELATIONS = ['child', 'parent', 'spouse', 'grandparent', 'grandchild', 'other'] as const;

/**
 * Where a person lives, captured once at verification (or when added as family): the village or
 * community (or one of its grids) picked from the region tree, plus the street address. A grid
 * worker's household registration later confirms it. Teams are matched on the region.
 */
export const ZResidenceInput = z.object({
  regionId: z
    .string({ error: V.residenceRegion })
    .regex(/^[A-Za-z0-9_-]{1,64}$/, { error: V.residenceRegion }),
  address: z
    .string({ error: V.residenceAddress })
    .trim()
    .min(2, { error: V.residenceAddress })
    .max(60, { error: V.residenceAddress }),
});
export type TResidenceInput = z.output<typeof ZResidenceInput>;

export const ZResidenceView = z.object({
  villageId: zId,
  gridId: zId.optional(),
  /** 街道/乡镇 + 社区/村 (+ 网格), e.g. 城关街道 东门社区. */
  placeName: z.string(),
  address: z.string(),
});

export const ZLoginInput = z.object({}).strict();
export const ZLoginOutput = z.object({
  userId: zId,
  role: z.enum(CALLER_ROLES),
  verified: z.boolean(),
  residentId: zId.optional(),
});
export type TLoginInput = z.output<typeof ZLoginInput>;
/** The caller's openid comes from the CloudBase context; the event carries nothing. */
export const login = defineAction({
  fn: 'user',
  action: 'login',
  summary: 'Find or create the user for this WeChat identity',
  input: ZLoginInput,
  output: ZLoginOutput,
  errors: [],
  access: ALL,
});

export const ZMeInput = z.object({}).strict();
export const ZMeOutput = ZLoginOutput.extend({
  name: z.string().optional(),
  maskedMobile: z.string().optional(),
  maskedIdNumber: z.string().optional(),
  staffId: zId.optional(),
  /** Where a staff member works, so their work area can open the right team's lists. */
  teamIds: z.array(zId).optional(),
  gridIds: z.array(zId).optional(),
  institutionId: zId.optional(),
  districtId: zId.optional(),
  /** Version of the privacy notice the resident consented to, and when (absent before verification). */
  consentVersion: z.string().optional(),
  consentedAt: zInstant.optional(),
  consentWithdrawnAt: zInstant.optional(),
  /** Where the resident lives (absent until given at verification or later). */
  residence: ZResidenceView.optional(),
});
export type TMeInput = z.output<typeof ZMeInput>;
export const me = defineAction({
  fn: 'user',
  action: 'me',
  summary: 'The caller profile',
  input: ZMeInput,
  output: ZMeOutput,
  errors: [],
  access: {
    resident: 'own',
    doctor: 'own',
    grid_worker: 'own',
    institution_admin: 'own',
    district_admin: 'own',
  },
});

export const ZVerifyIdentityInput = z.object({
  name: zName,
  idNumber: zIdNumber,
  mobile: zMobile,
  consent: zConsent,
  residence: ZResidenceInput.optional(),
});
export const ZVerifyIdentityOutput = z.object({
  residentId: zId,
  maskedIdNumber: z.string(),
  birthDate: zDay,
  sex: z.enum(['male', 'female']),
});
export type TVerifyIdentityInput = z.output<typeof ZVerifyIdentityInput>;
export const verifyIdentity = defineAction({
  fn: 'user',
  action: 'verifyIdentity',
  summary: 'Real-name verification of the caller',
  input: ZVerifyIdentityInput,
  output: ZVerifyIdentityOutput,
  errors: [
    'ID_FORMAT',
    'ID_REGION',
    'ID_DATE',
    'ID_FUTURE',
    'ID_CHECKSUM',
    'MOBILE_FORMAT',
    'IDENTITY_MISMATCH',
    'ALREADY_VERIFIED',
    'ID_ALREADY_REGISTERED',
    'CONSENT_REQUIRED',
    'REGION_NOT_FOUND',
  ],
  access: { resident: 'own' },
});

export const ZAddFamilyMemberInput = z.object({
  name: zName,
  idNumber: zIdNumber,
  relation: z.enum(FAMILY_RELATIONS),
  mobile: zMobile.optional(),
  consent: zConsent,
  residence: ZResidenceInput.optional(),
  /** The client's id for one tap of 添加: a retry with the same id answers with the same member. */
  requestId: zId.optional(),
});
export type TAddFamilyMemberInput = z.output<typeof ZAddFamilyMemberInput>;
/** Proxy signing for a child or elderly parent starts by adding them here. */
export const addFamilyMember = defineAction({
  fn: 'user',
  action: 'addFamilyMember',
  summary: 'Add a family member the caller may sign for',
  input: ZAddFamilyMemberInput,
  output: ZFamilyMemberView,
  errors: [
    'NOT_VERIFIED',
    'FAMILY_LIMIT',
    'FAMILY_MEMBER_EXISTS',
    'IDENTITY_MISMATCH',
    'ID_FORMAT',
    'ID_REGION',
    'ID_DATE',
    'ID_FUTURE',
    'ID_CHECKSUM',
    'CONSENT_REQUIRED',
    // The person has an account of their own: a request went to them (issue 11).
    'FAMILY_APPROVAL_PENDING',
    'REGION_NOT_FOUND',
  ],
  access: { resident: 'own' },
});

export const ZListFamilyInput = z.object({}).strict();
export type TListFamilyInput = z.output<typeof ZListFamilyInput>;
export const listFamily = defineAction({
  fn: 'user',
  action: 'listFamily',
  summary: 'The caller and the members they sign for',
  input: ZListFamilyInput,
  output: z.object({ members: z.array(ZFamilyMemberView) }),
  errors: ['NOT_VERIFIED'],
  access: { resident: 'own' },
});

export const ZRemoveFamilyMemberInput = z.object({ residentId: zId });
export type TRemoveFamilyMemberInput = z.output<typeof ZRemoveFamilyMemberInput>;
export const removeFamilyMember = defineAction({
  fn: 'user',
  action: 'removeFamilyMember',
  summary: 'Stop signing for a family member',
  input: ZRemoveFamilyMemberInput,
  output: z.object({ removed: z.literal(true) }),
  errors: ['FAMILY_MEMBER_NOT_FOUND'],
  access: { resident: 'family' },
});

export const ZWithdrawConsentInput = z.object({ residentId: zId, reason: zReason.optional() });
export type TWithdrawConsentInput = z.output<typeof ZWithdrawConsentInput>;
export const withdrawConsent = defineAction({
  fn: 'user',
  action: 'withdrawConsent',
  summary: 'Withdraw consent to processing personal information',
  input: ZWithdrawConsentInput,
  output: z.object({ withdrawnAt: zInstant }),
  errors: ['FAMILY_MEMBER_NOT_FOUND'],
  access: { resident: 'family' },
});

export const ZCreateStaffInput = z.object({
  name: zName,
  mobile: zMobile,
  role: z.enum(STAFF_ROLES),
  institutionId: zId.optional(),
  teamId: zId.optional(),
  position: z.enum(TEAM_POSITIONS).optional(),
  gridId: zId.optional(),
});
export type TCreateStaffInput = z.output<typeof ZCreateStaffInput>;
export const ZCreateStaffOutput = z.object({
  staffId: zId,
  bindCode: z.string().regex(/^\d{6}$/),
  bindCodeExpiresAt: zInstant,
});
/** Staff accounts are created by an admin and bound to WeChat with a one-time code. */
export const createStaff = defineAction({
  fn: 'user',
  action: 'createStaff',
  summary: 'Create a staff account with a one-time bind code',
  input: ZCreateStaffInput,
  output: ZCreateStaffOutput,
  errors: ['STAFF_EXISTS', 'MOBILE_FORMAT', 'TEAM_NOT_FOUND', 'NOT_FOUND'],
  access: { institution_admin: 'institution', district_admin: 'district' },
});

export const ZBindStaffInput = z.object({
  bindCode: z.string().regex(/^\d{6}$/, { error: ERROR_MESSAGES.BIND_CODE_INVALID }),
  /**
   * The mobile number the admin registered the account under: it names the staff record, so wrong
   * codes count against that record (not only the caller's WeChat identity, which is cheap to renew).
   */
  mobile: zMobile,
});
export type TBindStaffInput = z.output<typeof ZBindStaffInput>;
export const bindStaff = defineAction({
  fn: 'user',
  action: 'bindStaff',
  summary: 'Bind the caller WeChat identity to a staff account',
  input: ZBindStaffInput,
  output: z.object({ staffId: zId, role: z.enum(STAFF_ROLES) }),
  // Wrong, expired and used codes all answer BIND_CODE_INVALID: the caller learns nothing about
  // which codes exist. BIND_CODE_EXPIRED stays a stable code but this action never sends it.
  errors: ['BIND_CODE_INVALID', 'BIND_ATTEMPTS_EXCEEDED'],
  access: { guest: 'public', resident: 'public' },
});

export const PII_FIELDS = ['idNumber', 'mobile'] as const;
export const ZRevealIdentityInput = z.object({ residentId: zId, field: z.enum(PII_FIELDS) });
export type TRevealIdentityInput = z.output<typeof ZRevealIdentityInput>;
/**
 * The one way to see a full ID number or phone: for the resident and those they sign for, and for
 * the staff serving them. Every call is written to the audit log (who, what, whose, when).
 */
export const revealIdentity = defineAction({
  fn: 'user',
  action: 'revealIdentity',
  summary: 'Show a full ID number or mobile number (audited)',
  input: ZRevealIdentityInput,
  output: z.object({ value: z.string() }),
  errors: ['NOT_FOUND'],
  access: { resident: 'family', doctor: 'team', grid_worker: 'grid', institution_admin: 'institution' },
});

export const ZFamilyRequestView = z.object({
  requestId: zId,
  requesterName: z.string(),
  relation: z.enum(FAMILY_RELATIONS),
  createdAt: zInstant,
});
export const ZFamilyRequestsInput = z.object({}).strict();
/** Requests from others to act for the caller, waiting for the caller's answer. */
export const familyRequests = defineAction({
  fn: 'user',
  action: 'familyRequests',
  summary: 'Proxy requests waiting for my answer',
  input: ZFamilyRequestsInput,
  output: z.object({ requests: z.array(ZFamilyRequestView) }),
  errors: ['NOT_VERIFIED'],
  access: { resident: 'own' },
});

export const ZAnswerFamilyRequestInput = z.object({ requestId: zId, accept: z.boolean() });
export type TAnswerFamilyRequestInput = z.output<typeof ZAnswerFamilyRequestInput>;
/** The person asked accepts (the requester may then act for them) or declines. */
export const answerFamilyRequest = defineAction({
  fn: 'user',
  action: 'answerFamilyRequest',
  summary: 'Accept or decline a request to act for me',
  input: ZAnswerFamilyRequestInput,
  output: z.object({ status: z.enum(['accepted', 'declined']) }),
  errors: ['FAMILY_REQUEST_NOT_FOUND', 'FAMILY_LIMIT'],
  access: { resident: 'own' },
});

// --- Where residents live (issue 12): the region tree for the picker, and setting a residence ---

export const REGION_LEVELS = ['district', 'township', 'village', 'grid'] as const;
export const ZRegionsInput = z.object({ parentId: zId.optional() }).strict();
export type TRegionsInput = z.output<typeof ZRegionsInput>;
export const ZRegionView = z.object({
  regionId: zId,
  name: z.string(),
  level: z.enum(REGION_LEVELS),
  parentId: zId.nullable(),
});
export type TRegionView = z.output<typeof ZRegionView>;
/** One level of the region tree: the districts, or the children of `parentId` (区 → 街道/乡镇 → 社区/村 → 网格). */
export const regions = defineAction({
  fn: 'user',
  action: 'regions',
  summary: 'Children of a region, for the residence picker',
  input: ZRegionsInput,
  output: z.object({ regions: z.array(ZRegionView) }),
  errors: [],
  access: ALL,
});

export const ZSetResidenceInput = z.object({ residentId: zId, residence: ZResidenceInput });
export type TSetResidenceInput = z.output<typeof ZSetResidenceInput>;
/** Records where a resident (self or a family member) lives, for those verified before it was asked. */
export const setResidence = defineAction({
  fn: 'user',
  action: 'setResidence',
  summary: 'Record where a resident lives',
  input: ZSetResidenceInput,
  output: ZResidenceView,
  errors: ['REGION_NOT_FOUND', 'NOT_VERIFIED'],
  access: { resident: 'family' },
});

// --- Staff administration and resident search (issue 12, staffpages) ---

/** One staff member as the 人员管理 page lists them: no full mobile, no code. */
export const ZStaffView = z.object({
  staffId: zId,
  name: z.string(),
  role: z.enum(STAFF_ROLES),
  position: z.enum(TEAM_POSITIONS).optional(),
  teamNames: z.array(z.string()),
  gridNames: z.array(z.string()),
  maskedMobile: z.string().optional(),
  /** A WeChat identity is bound to the account. */
  bound: z.boolean(),
  /** Not bound and a code is live: when it expires. */
  bindCodeExpiresAt: zInstant.optional(),
});
export type TStaffView = z.output<typeof ZStaffView>;
export const ZListStaffInput = z.object({
  /** Required for the district admin (any institution of the district); others list their own. */
  institutionId: zId.optional(),
  offset: z.number().int().min(0).max(10_000).default(0),
  limit: z.number().int().min(1).max(50).default(50),
});
export type TListStaffInput = z.output<typeof ZListStaffInput>;
const ZNamed = z.object({ id: zId, name: z.string() });
export const ZListStaffOutput = z.object({
  institutionId: zId.optional(),
  institutionName: z.string().optional(),
  staff: z.array(ZStaffView),
  total: z.number().int(),
  /** What the create form offers: the institution's teams and grids (a district admin: also institutions). */
  teams: z.array(ZNamed),
  grids: z.array(ZNamed),
  institutions: z.array(ZNamed),
});
/** The staff of one institution, a page at a time, with the teams and grids to place new ones in. */
export const listStaff = defineAction({
  fn: 'user',
  action: 'listStaff',
  summary: 'Staff of an institution (masked) and where new staff can be placed',
  input: ZListStaffInput,
  output: ZListStaffOutput,
  errors: ['NOT_FOUND'],
  access: { institution_admin: 'institution', district_admin: 'district' },
});

export const ZReissueBindCodeInput = z.object({ staffId: zId });
export type TReissueBindCodeInput = z.output<typeof ZReissueBindCodeInput>;
/** A fresh one-time code for an account not bound yet; the previous code stops working. Audited. */
export const reissueBindCode = defineAction({
  fn: 'user',
  action: 'reissueBindCode',
  summary: 'Issue a new one-time bind code for an unbound staff account',
  input: ZReissueBindCodeInput,
  output: ZCreateStaffOutput,
  errors: ['NOT_FOUND', 'STAFF_ALREADY_BOUND'],
  access: { institution_admin: 'institution', district_admin: 'district' },
});

export const ZSearchResidentsInput = z.object({
  name: zName,
  /** The last 4 characters of the ID number or of the mobile number. */
  tail: z
    .string({ error: V.searchTail })
    .trim()
    .regex(/^\d{3}[\dXx]$/, { error: V.searchTail })
    .transform((s) => s.toUpperCase()),
});
export type TSearchResidentsInput = z.output<typeof ZSearchResidentsInput>;
export const ZResidentMatch = z.object({
  residentId: zId,
  name: z.string(),
  maskedIdNumber: z.string(),
  maskedMobile: z.string().optional(),
  age: z.number().int(),
  sex: z.enum(['male', 'female']),
  /** 街道/乡镇 社区/村 (no street address). */
  placeName: z.string().optional(),
});
export type TResidentMatch = z.output<typeof ZResidentMatch>;
/**
 * Finds a resident of the caller's service area by name + the last 4 of their ID number or mobile,
 * for assisted signing. Matches are by a keyed hash (no tails are stored in plain); answers masked.
 */
export const searchResidents = defineAction({
  fn: 'user',
  action: 'searchResidents',
  summary: 'Find a resident of my area by name and ID/phone tail',
  input: ZSearchResidentsInput,
  output: z.object({ residents: z.array(ZResidentMatch) }),
  errors: [],
  access: { doctor: 'team', grid_worker: 'grid', institution_admin: 'institution' },
});

/** Every `user` action. */
export const USER_ACTIONS = [
  login,
  me,
  verifyIdentity,
  addFamilyMember,
  listFamily,
  removeFamilyMember,
  withdrawConsent,
  createStaff,
  bindStaff,
  revealIdentity,
  familyRequests,
  answerFamilyRequest,
  regions,
  setResidence,
  listStaff,
  reissueBindCode,
  searchResidents,
];
