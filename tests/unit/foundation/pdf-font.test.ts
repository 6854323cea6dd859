import fs from 'node:fs';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import { PDF_FONT_FILE, renderContractPdf } from '../../../cloudfunctions/contract/support/pdf/render';
import { buildFunction } from '../../../scripts/build-functions';
import { FUNCTION_ASSETS, functionsOut, repoRoot } from '../../../scripts/functions';
import { gb2312 } from '../../../scripts/pdf-font';
import { canonicalAgreement, renderAgreement } from '../../../shared/contract/agreement';

// The contract PDF font travels with the `contract` function: no system font is read.
const FONT = path.join(repoRoot, 'assets', 'fonts', PDF_FONT_FILE);
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
/** CloudBase's function package limit is far above this; the budget keeps the subset honest. */
const PACKAGE_BUDGET_BYTES = 8 * 1024 * 1024;

describe('contract PDF font', () => {
  it('is committed with its licence and covers every character the agreement, labels and names use', () => {
    expect(fs.existsSync(path.join(repoRoot, 'assets', 'fonts', 'OFL.txt'))).toBe(true);
    expect(fs.readFileSync(path.join(repoRoot, 'assets', 'fonts', 'OFL.txt'), 'utf8')).toContain(
      'SIL OPEN FONT LICENSE Version 1.1',
    );
    const font = fontkit.create(fs.readFileSync(FONT)) as unknown as {
      hasGlyphForCodePoint(c: number): boolean;
    };
    // What a PDF prints: the agreement template and contract labels (names come from GB2312).
    const printed = new Set<string>();
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (e.name.endsWith('.ts')) {
          for (const ch of fs.readFileSync(p, 'utf8')) if (/\p{Script=Han}/u.test(ch)) printed.add(ch);
        }
      }
    };
    walk(path.join(repoRoot, 'shared', 'contract'));
    walk(path.join(repoRoot, 'cloudfunctions', 'contract'));
    const hanzi = [...printed].filter((ch) => !font.hasGlyphForCodePoint(ch.codePointAt(0)!));
    if (hanzi.length > 0) {
      throw new Error(
        `the PDF font lacks ${hanzi.join('')}: run \`PYTHON=/usr/bin/python3 npx tsx scripts/pdf-font.ts\` (needs python3-fonttools, fonts-noto-cjk) and commit assets/fonts`,
      );
    }
    // Every GB2312 character (names, addresses) and the full-width punctuation are in.
    const gb = [...gb2312()].filter((ch) => /\p{Script=Han}/u.test(ch));
    expect(gb.length).toBeGreaterThanOrEqual(6763); // 6,763 hanzi plus 〇 from the symbol rows
    expect(gb.filter((ch) => !font.hasGlyphForCodePoint(ch.codePointAt(0)!))).toEqual([]);
    for (const ch of '家庭医生签约服务协议甲方乙方验证码：０１２３456789ABCXYZ（）。，张秀兰王建国李娟赵磊') {
      expect(font.hasGlyphForCodePoint(ch.codePointAt(0)!)).toBe(true);
    }
  });

  it('renders a contract PDF from the committed font, never a system path', async () => {
    const read = jest.spyOn(fs, 'readFileSync');
    const sections = renderAgreement(
      canonicalAgreement({
        contractId: 'c-font-test',
        kind: 'new',
        resident: { residentId: 'r1', name: '欧阳淑珍', maskedIdNumber: '1101**********002X' },
        team: { teamId: 't1', name: '东门社区家庭医生一队', leaderName: '王建国' },
        institution: { institutionId: 'i1', name: '城关镇社区卫生服务中心' },
        packages: [
          {
            packageId: 'p1',
            name: '基础包',
            feeFen: 12000,
            residentFen: 0,
            insuranceFen: 6000,
            publicHealthFen: 6000,
            waivedFen: 0,
          },
        ],
        signedOn: '2026-11-25' as never,
        termMonths: 12,
        channel: 'self',
      }),
    );
    const bytes = await renderContractPdf({
      contractId: 'c-font-test',
      sections,
      statusLabel: '已生效',
      startDate: '2026-12-01',
      endDate: '2027-11-30',
      verificationCode: 'ABCD-EFGH-JK',
      signaturePng: PNG,
      totalResidentFen: 0,
    });
    const files = read.mock.calls.map((c) => String(c[0]));
    read.mockRestore();
    expect(files.some((f) => f.endsWith(PDF_FONT_FILE))).toBe(true);
    expect(files.filter((f) => f.startsWith('/usr/share/fonts'))).toEqual([]);
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getKeywords()).toContain('ABCD-EFGH-JK');
    // Only the glyphs used are embedded: a PDF stays small.
    expect(bytes.length).toBeLessThan(200 * 1024);
  });

  it('is bundled into dist/functions/contract with its licence, within the package budget', async () => {
    const size = await buildFunction('contract');
    const dir = path.join(functionsOut, 'contract');
    for (const a of FUNCTION_ASSETS.contract ?? []) expect(fs.existsSync(path.join(dir, a.to))).toBe(true);
    expect(fs.existsSync(path.join(dir, 'fonts', PDF_FONT_FILE))).toBe(true);
    expect(fs.existsSync(path.join(dir, 'fonts', 'OFL.txt'))).toBe(true);
    expect(size).toBeLessThan(PACKAGE_BUDGET_BYTES);
  });
});
