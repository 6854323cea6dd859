import type { Day } from '../time';

/**
 * The signed agreement (POLICY.md "The contract", source 000: both parties' rights and duties are
 * in the agreement). The text is a versioned template: a signature always refers to the exact
 * version it was given, so a later wording change never alters what an earlier resident agreed to.
 */
export const AGREEMENT_TEMPLATE_VERSION = '2026.1';

/** The facts an agreement binds; the server fills every field from the database, never the client. */
export type AgreementFacts = {
  contractId: string;
  kind: 'new' | 'renewal' | 'change';
  /** The ID number arrives already masked (1101**********002X): a full one never reaches a digest or a PDF. */
  resident: { residentId: string; name: string; maskedIdNumber: string };
  team: { teamId: string; name: string; leaderName: string };
  institution: { institutionId: string; name: string; phone?: string };
  packages: {
    packageId: string;
    name: string;
    feeFen: number;
    residentFen: number;
    insuranceFen: number;
    publicHealthFen: number;
    waivedFen: number;
  }[];
  /** Day the resident signed (Shanghai). */
  signedOn: Day;
  /** Start the resident asked for; the term is fixed when the institution confirms. */
  requestedStart?: Day;
  termMonths: number;
  channel: string;
};

/** The hashed form: template version plus facts. */
export type CanonicalAgreement = {
  templateVersion: string;
  contractId: string;
  kind: string;
  resident: { residentId: string; name: string; maskedIdNumber: string };
  team: { teamId: string; name: string; leaderName: string };
  institution: { institutionId: string; name: string };
  packages: AgreementFacts['packages'];
  signedOn: Day;
  requestedStart: Day | null;
  termMonths: number;
  channel: string;
};

/** Builds the canonical agreement; packages are ordered by id so the same choice hashes the same. */
export const canonicalAgreement = (f: AgreementFacts): CanonicalAgreement => ({
  templateVersion: AGREEMENT_TEMPLATE_VERSION,
  contractId: f.contractId,
  kind: f.kind,
  resident: { ...f.resident },
  team: { ...f.team },
  institution: { institutionId: f.institution.institutionId, name: f.institution.name },
  packages: [...f.packages]
    .sort((a, b) => (a.packageId < b.packageId ? -1 : a.packageId > b.packageId ? 1 : 0))
    .map((p) => ({ ...p })),
  signedOn: f.signedOn,
  requestedStart: f.requestedStart ?? null,
  termMonths: f.termMonths,
  channel: f.channel,
});

/**
 * JSON with object keys sorted at every depth and no whitespace, so the digest does not depend on
 * the order fields were written in: {b:1,a:{d:2,c:3}} → {"a":{"c":3,"d":2},"b":1}.
 */
export const canonicalJson = (value: unknown): string => {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
};

/** What the server hashes for tamper evidence: the agreement's digest and the signature file's digest. */
export const sealInput = (agreementSha256: string, signatureSha256: string): string =>
  canonicalJson({ agreementSha256, signatureSha256, templateVersion: AGREEMENT_TEMPLATE_VERSION });

// Crockford base32 without I, L, O, U: nothing to misread when a clerk types it from paper.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A short code printed on the contract, derived from the seal digest (hex SHA-256): the first 50
 * bits as 10 base32 characters, grouped for reading aloud, e.g. 'a3f1…' → 'M7WQ-2K9D-XC'. Anyone
 * holding the paper can ask the server to recompute it; a changed word changes the code.
 */
export const verificationCode = (sealSha256Hex: string): string => {
  if (!/^[0-9a-f]{64}$/i.test(sealSha256Hex))
    throw new Error('verificationCode: expected a SHA-256 hex digest');
  let bits = '';
  for (const ch of sealSha256Hex.slice(0, 13)) bits += Number.parseInt(ch, 16).toString(2).padStart(4, '0');
  let out = '';
  for (let i = 0; i < 50; i += 5) out += ALPHABET[Number.parseInt(bits.slice(i, i + 5), 2)];
  return `${out.slice(0, 4)}-${out.slice(4, 8)}-${out.slice(8)}`;
};

/** Normalises a typed-in code: lower case, spaces, I/L → 1 and O → 0 are accepted. */
export const normalizeVerificationCode = (raw: string): string => {
  const s = raw.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  return s.length === 10 ? `${s.slice(0, 4)}-${s.slice(4, 8)}-${s.slice(8)}` : s;
};

/** Yuan with two decimals from fen: 2000 → '20.00'. */
export const yuan = (fen: number): string => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;

const KIND_LABEL: Record<string, string> = { new: '首次签约', renewal: '续约', change: '更换团队重新签约' };
const CHANNEL_LABEL: Record<string, string> = {
  self: '本人签约',
  proxy: '家属代签',
  grid_assisted: '网格员协助签约',
  doctor_assisted: '医生协助签约',
};

/** One section of the rendered agreement: a heading and its lines. */
export type AgreementSection = { heading: string; lines: string[] };

/**
 * The agreement text (template 2026.1) with both parties' details, the packages and who pays what.
 * Used for the reading screen, the PDF, and — through canonicalAgreement — the digest.
 */
export const renderAgreement = (c: CanonicalAgreement): AgreementSection[] => {
  const total = c.packages.reduce(
    (t, p) => ({ fee: t.fee + p.feeFen, resident: t.resident + p.residentFen }),
    { fee: 0, resident: 0 },
  );
  return [
    {
      heading: '家庭医生签约服务协议',
      lines: [
        `协议模板版本：${c.templateVersion}`,
        `签约类型：${KIND_LABEL[c.kind] ?? c.kind}；签约方式：${CHANNEL_LABEL[c.channel] ?? c.channel}`,
      ],
    },
    {
      heading: '甲方（签约居民）',
      lines: [`姓名：${c.resident.name}`, `身份证号：${c.resident.maskedIdNumber}`],
    },
    {
      heading: '乙方（家庭医生团队）',
      lines: [`团队：${c.team.name}`, `团队长：${c.team.leaderName}`, `所属机构：${c.institution.name}`],
    },
    {
      heading: '服务内容与费用',
      lines: [
        ...c.packages.map(
          (p) =>
            `${p.name}：标准费用${yuan(p.feeFen)}元，个人支付${yuan(p.residentFen)}元，医保基金${yuan(p.insuranceFen)}元，基本公卫经费${yuan(p.publicHealthFen)}元${p.waivedFen > 0 ? `（减免${yuan(p.waivedFen)}元）` : ''}`,
        ),
        `合计：标准费用${yuan(total.fee)}元，个人支付${yuan(total.resident)}元`,
      ],
    },
    {
      heading: '服务期限',
      lines: [
        `签约日期：${c.signedOn}`,
        c.requestedStart === null
          ? `服务期${c.termMonths}个月，自签约机构确认之日起生效`
          : `服务期${c.termMonths}个月，自${c.requestedStart}起（以签约机构确认为准）`,
      ],
    },
    {
      heading: '双方权利与义务',
      lines: [
        '一、乙方为甲方提供基本医疗、基本公共卫生和约定的健康管理服务，建立并维护健康档案。',
        '二、乙方按约定频次随访，每季度至少联系甲方一次，并提供预约、转诊绿色通道等便利。',
        '三、甲方如实提供健康信息，配合随访与健康管理，按约定支付个人承担部分费用。',
        '四、同一服务期内甲方只能选择一个家庭医生团队；更换团队须重新签约，原协议同时终止。',
        '五、本协议经乙方所在机构确认后生效；期满可在续约期内续约或另选团队。',
        '六、乙方对甲方个人信息和健康信息严格保密，仅用于签约服务。',
      ],
    },
  ];
};
