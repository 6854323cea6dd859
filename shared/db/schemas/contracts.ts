import { z } from '../../api/zod';
import type { CanonicalAgreement } from '../../contract/agreement';
import { SIGNING_CHANNELS } from '../../contract/channel';
import { type CONTRACT_STATUSES, ZContract } from '../../contract/model';
import type { Quote } from '../../fees/split';

/**
 * A `contracts` document: the state-machine fields of the shared contract model (ZContract) plus
 * what signing sealed and what lists display. "One open request per resident" and "team capacity"
 * are held by lock documents (`locks/pending_<residentId>`, `locks/seats_<teamId>`), written in
 * the same transactions that open and close requests — not by partial indexes.
 */
export const ZContractDoc = z.object({
  ...ZContract.shape,
  requestId: z.string(),
  channel: z.enum(SIGNING_CHANNELS),
  residentName: z.string(),
  teamName: z.string(),
  fee: z.custom<Quote>((v) => typeof v === 'object' && v !== null),
  agreement: z.custom<CanonicalAgreement>((v) => typeof v === 'object' && v !== null),
  agreementSha256: z.string(),
  signatureFileId: z.string(),
  signatureSha256: z.string(),
  sealSha256: z.string(),
  verificationCode: z.string(),
  /** Grid of the resident at signing, for grid-scoped reads. */
  gridId: z.string().optional(),
  /** True while the contract holds one of its team's places (counted in `locks/seats_<teamId>`). */
  holdsSeat: z.boolean().optional(),
});
export type ContractDoc = z.infer<typeof ZContractDoc>;

/** Statuses that hold a place in a team (capacity). */
export const LIVE_STATUSES = [
  'pending',
  'active',
] as const satisfies readonly (typeof CONTRACT_STATUSES)[number][];
