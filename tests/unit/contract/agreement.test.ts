import { createHash } from 'node:crypto';
import {
  AGREEMENT_TEMPLATE_VERSION,
  type AgreementFacts,
  canonicalAgreement,
  canonicalJson,
  normalizeVerificationCode,
  renderAgreement,
  sealInput,
  verificationCode,
  yuan,
} from '@shared/contract/agreement';

const sha = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

const facts: AgreementFacts = {
  contractId: 'c1',
  kind: 'new',
  resident: { residentId: 'r1', name: '张三', maskedIdNumber: '1101**********002X' },
  team: { teamId: 't1', name: '东门社区家庭医生团队', leaderName: '王建国' },
  institution: { institutionId: 'i1', name: '城关街道社区卫生服务中心', phone: '0571-0000-1001' },
  packages: [
    {
      packageId: 'pkg-chronic',
      name: '慢病管理包',
      feeFen: 12000,
      residentFen: 2000,
      insuranceFen: 6000,
      publicHealthFen: 4000,
      waivedFen: 0,
    },
    {
      packageId: 'pkg-basic',
      name: '基础服务包',
      feeFen: 12000,
      residentFen: 0,
      insuranceFen: 6000,
      publicHealthFen: 6000,
      waivedFen: 0,
    },
  ],
  signedOn: '2026-11-25',
  termMonths: 12,
  channel: 'self',
};

describe('canonicalJson: stable key order at every depth', () => {
  it.each([
    [{ b: 1, a: { d: 2, c: 3 } }, '{"a":{"c":3,"d":2},"b":1}'],
    [[{ y: 1, x: 2 }, 3], '[{"x":2,"y":1},3]'],
    [{ a: undefined, b: null }, '{"b":null}'],
    ['汉字', '"汉字"'],
    [{ z: [], a: {} }, '{"a":{},"z":[]}'],
  ])('%j → %s', (v, out) => expect(canonicalJson(v)).toBe(out));

  it('the order fields were written in does not change the digest', () => {
    const reordered: AgreementFacts = {
      channel: facts.channel,
      termMonths: facts.termMonths,
      signedOn: facts.signedOn,
      packages: [...facts.packages].reverse(),
      institution: facts.institution,
      team: facts.team,
      resident: facts.resident,
      kind: facts.kind,
      contractId: facts.contractId,
    };
    expect(sha(canonicalJson(canonicalAgreement(reordered)))).toBe(
      sha(canonicalJson(canonicalAgreement(facts))),
    );
  });
});

describe('canonical agreement: what the digest covers', () => {
  const base = sha(canonicalJson(canonicalAgreement(facts)));
  it.each<[string, AgreementFacts]>([
    ['resident name', { ...facts, resident: { ...facts.resident, name: '张四' } }],
    ['team', { ...facts, team: { ...facts.team, teamId: 't2' } }],
    ['a package fee', { ...facts, packages: [{ ...facts.packages[0]!, residentFen: 1999 }] }],
    ['the signing day', { ...facts, signedOn: '2026-11-26' }],
    ['the requested start', { ...facts, requestedStart: '2026-12-01' }],
    ['the term', { ...facts, termMonths: 24 }],
    ['the channel', { ...facts, channel: 'grid_assisted' }],
    ['the kind', { ...facts, kind: 'renewal' }],
  ])('changing %s changes the digest', (_what, changed) => {
    expect(sha(canonicalJson(canonicalAgreement(changed)))).not.toBe(base);
  });

  it('carries the template version and never a full ID number', () => {
    const c = canonicalAgreement(facts);
    expect(c.templateVersion).toBe(AGREEMENT_TEMPLATE_VERSION);
    expect(canonicalJson(c)).not.toMatch(/\d{17}[\dX]/);
    expect(c.institution).toEqual({ institutionId: 'i1', name: '城关街道社区卫生服务中心' });
  });
});

describe('verification code', () => {
  const seal = sha(sealInput(sha('agreement'), sha('signature')));
  it('is 10 Crockford base32 characters in groups of 4-4-2', () => {
    expect(verificationCode(seal)).toMatch(
      /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{2}$/,
    );
  });
  it.each([
    ['0'.repeat(64), '0000-0000-00'],
    ['f'.repeat(64), 'ZZZZ-ZZZZ-ZZ'],
    [`8${'0'.repeat(63)}`, 'G000-0000-00'],
  ])('%s → %s', (hex, code) => expect(verificationCode(hex)).toBe(code));
  it('a different signature file gives a different code', () => {
    expect(verificationCode(sha(sealInput(sha('agreement'), sha('signature2'))))).not.toBe(
      verificationCode(seal),
    );
  });
  it('refuses anything but a hex SHA-256', () => {
    expect(() => verificationCode('abc')).toThrow();
  });
  it.each([
    ['m7wq 2k9d xc', 'M7WQ-2K9D-XC'],
    ['M7WQ-2K9D-XC', 'M7WQ-2K9D-XC'],
    ['OIL0-0000-00', '0110-0000-00'],
    ['short', 'SH0RT'],
  ])('normalises typed %s → %s', (raw, out) => expect(normalizeVerificationCode(raw)).toBe(out));
});

describe('rendered agreement', () => {
  const text = renderAgreement(canonicalAgreement(facts))
    .flatMap((s) => [s.heading, ...s.lines])
    .join('\n');
  it.each([
    '家庭医生签约服务协议',
    `协议模板版本：${AGREEMENT_TEMPLATE_VERSION}`,
    '姓名：张三',
    '身份证号：1101**********002X',
    '团队：东门社区家庭医生团队',
    '团队长：王建国',
    '所属机构：城关街道社区卫生服务中心',
    '慢病管理包：标准费用120.00元，个人支付20.00元，医保基金60.00元，基本公卫经费40.00元',
    '合计：标准费用240.00元，个人支付20.00元',
    '签约日期：2026-11-25',
    '自签约机构确认之日起生效',
    '本人签约',
  ])('contains %s', (needle) => expect(text).toContain(needle));

  it('names the requested start and a waiver when there is one', () => {
    const t = renderAgreement(
      canonicalAgreement({
        ...facts,
        requestedStart: '2026-12-01',
        packages: [{ ...facts.packages[0]!, residentFen: 0, waivedFen: 2000 }],
      }),
    )
      .flatMap((s) => s.lines)
      .join('\n');
    expect(t).toContain('自2026-12-01起');
    expect(t).toContain('（减免20.00元）');
  });

  it.each([
    [0, '0.00'],
    [5, '0.05'],
    [2000, '20.00'],
    [12345, '123.45'],
  ])('yuan(%i) = %s', (fen, y) => expect(yuan(fen)).toBe(y));
});
