import fs from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
import { type AgreementSection, yuan } from '@shared/contract/agreement';
import { PDFDocument, type PDFFont, rgb } from 'pdf-lib';

/**
 * The CJK font: Noto Sans CJK SC. Standard PDF fonts have no Chinese glyphs, so one is embedded
 * (subset to the characters used: a contract PDF is ~60 KB, not the 19 MB collection). The file is
 * not bundled into the function (it would exceed any sensible package); `JY_PDF_FONT` names it —
 * a layer or mounted path in deployment — and locally the Debian package fonts-noto-cjk provides it.
 */
export const FONT_ENV = 'JY_PDF_FONT';
const DEFAULT_FONT = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
/** Inside a TrueType/OpenType collection, the Simplified Chinese face. */
const FACE = 'NotoSansCJKsc-Regular';

let fontBytes: Buffer | null = null;
const loadFont = (): Buffer => {
  fontBytes ??= fs.readFileSync(process.env[FONT_ENV] || DEFAULT_FONT);
  return fontBytes;
};

// pdf-lib hands the font bytes to fontkit.create; for a .ttc that returns the whole collection, so
// pick the Simplified Chinese face by its PostScript name (a single .otf/.ttf is returned as is).
const collectionAwareFontkit = {
  create: (bytes: Uint8Array) => {
    const f = (fontkit as unknown as { create(b: Uint8Array, name?: string): unknown }).create(bytes, FACE);
    return f ?? fontkit.create(bytes);
  },
} as unknown as typeof fontkit;

/** What the PDF shows besides the agreement text. */
export type PdfFacts = {
  contractId: string;
  sections: AgreementSection[];
  statusLabel: string;
  startDate?: string;
  endDate?: string;
  verificationCode: string;
  signaturePng: Uint8Array;
  totalResidentFen: number;
};

const A4 = { w: 595.28, h: 841.89 };
const MARGIN = 50;

/** Greedy wrap by measured width (Chinese has no spaces to break on). */
const wrap = (text: string, font: PDFFont, size: number, width: number): string[] => {
  const out: string[] = [];
  let line = '';
  for (const ch of text) {
    if (font.widthOfTextAtSize(line + ch, size) > width && line !== '') {
      out.push(line);
      line = ch;
    } else line += ch;
  }
  if (line !== '') out.push(line);
  return out;
};

/**
 * Renders the signed contract: agreement sections, term dates, the signature image and the
 * verification code (also written to the document's Subject and Keywords so it can be read back
 * without text extraction).
 */
export async function renderContractPdf(f: PdfFacts): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(collectionAwareFontkit);
  const font = await doc.embedFont(loadFont(), { subset: true });
  doc.setTitle('家庭医生签约服务协议');
  doc.setSubject(`验证码 ${f.verificationCode}`);
  doc.setKeywords([f.verificationCode, f.contractId]);
  doc.setProducer('家医签约');
  doc.setCreator('家医签约');

  let page = doc.addPage([A4.w, A4.h]);
  let y = A4.h - MARGIN;
  const width = A4.w - 2 * MARGIN;
  const line = (text: string, size: number, color = rgb(0.1, 0.1, 0.1)) => {
    for (const l of wrap(text, font, size, width)) {
      if (y < MARGIN + size) {
        page = doc.addPage([A4.w, A4.h]);
        y = A4.h - MARGIN;
      }
      page.drawText(l, { x: MARGIN, y: y - size, size, font, color });
      y -= size * 1.6;
    }
  };

  for (const [i, s] of f.sections.entries()) {
    line(s.heading, i === 0 ? 20 : 13, i === 0 ? rgb(0, 0.35, 0.3) : rgb(0.1, 0.1, 0.1));
    for (const l of s.lines) line(l, 10.5);
    y -= 6;
  }
  line('签约状态', 13);
  line(`当前状态：${f.statusLabel}`, 10.5);
  if (f.startDate && f.endDate) line(`服务期：${f.startDate} 至 ${f.endDate}`, 10.5);
  line(`个人支付合计：${yuan(f.totalResidentFen)}元`, 10.5);
  y -= 6;

  line('甲方签名', 13);
  const png = await doc.embedPng(f.signaturePng);
  const scale = Math.min(200 / png.width, 80 / png.height);
  const h = png.height * scale;
  if (y - h < MARGIN + 40) {
    page = doc.addPage([A4.w, A4.h]);
    y = A4.h - MARGIN;
  }
  page.drawImage(png, { x: MARGIN, y: y - h, width: png.width * scale, height: h });
  y -= h + 16;
  line(`验证码：${f.verificationCode}`, 12, rgb(0, 0.35, 0.3));
  line(
    `协议编号：${f.contractId}。凭验证码可向签约机构核验本协议内容与签名未被篡改。`,
    9,
    rgb(0.4, 0.4, 0.4),
  );
  return doc.save();
}
