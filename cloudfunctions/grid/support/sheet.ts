import fs from 'node:fs';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PLATES_PER_PAGE } from '@shared/grid';
import { PDFDocument, type PDFFont, rgb } from 'pdf-lib';

/**
 * The printable sheet: A4 portrait, 2 × 4 door plates per page, each with the household's
 * address, the grid and its code. The CJK font is the one the contract PDF uses: the Noto Sans SC
 * subset that travels with the function (`fonts/` next to the bundle, or `assets/fonts/` in the
 * repository); where that file is absent, Debian's fonts-noto-cjk collection.
 * pdf-lib embeds only the glyphs used.
 */
export const PDF_FONT_FILE = 'NotoSansSC-Regular.jy-subset.otf';
const SYSTEM_FONT = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
const FACE = 'NotoSansCJKsc-Regular';

function fontPath(): string {
  for (let dir = __dirname, i = 0; i < 6; i++, dir = path.dirname(dir)) {
    for (const p of [
      path.join(dir, 'fonts', PDF_FONT_FILE),
      path.join(dir, 'assets', 'fonts', PDF_FONT_FILE),
    ])
      if (fs.existsSync(p)) return p;
  }
  if (fs.existsSync(SYSTEM_FONT)) return SYSTEM_FONT;
  throw new Error(`PDF font ${PDF_FONT_FILE} not found`);
}

let fontBytes: Buffer | null = null;
const loadFont = (): Buffer => {
  fontBytes ??= fs.readFileSync(fontPath());
  return fontBytes;
};
// For a .ttc fontkit returns the whole collection: pick the Simplified Chinese face by name (a
// single .otf is returned as is).
const collectionAwareFontkit = {
  create: (bytes: Uint8Array) => {
    // 'ttcf' starts a collection; a single font is handed over as it is.
    const isCollection = bytes[0] === 0x74 && bytes[1] === 0x74 && bytes[2] === 0x63 && bytes[3] === 0x66;
    if (!isCollection) return fontkit.create(bytes);
    const f = (fontkit as unknown as { create(b: Uint8Array, name?: string): unknown }).create(bytes, FACE);
    return f ?? fontkit.create(bytes);
  },
} as unknown as typeof fontkit;

export type Plate = {
  householdId: string;
  address: string;
  gridName: string;
  teamName?: string;
  png: Uint8Array;
};

const A4 = { w: 595.28, h: 841.89 };
const MARGIN = 28;
const COLS = 2;
const ROWS = PLATES_PER_PAGE / COLS;

/** Cuts text to a width (addresses are short; a long one is ended with …). */
const clip = (text: string, font: PDFFont, size: number, width: number): string => {
  if (font.widthOfTextAtSize(text, size) <= width) return text;
  let out = '';
  for (const ch of text) {
    if (font.widthOfTextAtSize(`${out + ch}…`, size) > width) break;
    out += ch;
  }
  return `${out}…`;
};

export async function renderPlateSheet(
  title: string,
  plates: Plate[],
  printedOn: string,
): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(collectionAwareFontkit);
  const font = await doc.embedFont(loadFont(), { subset: true });
  doc.setTitle(`门牌码 ${title}`);
  doc.setSubject(`${plates.length} 户`);
  doc.setProducer('家医签约');
  doc.setCreator('家医签约');
  const cellW = (A4.w - 2 * MARGIN) / COLS;
  const cellH = (A4.h - 2 * MARGIN - 20) / ROWS;
  const green = rgb(0, 0.42, 0.36);
  const pages = Math.max(1, Math.ceil(plates.length / PLATES_PER_PAGE));
  for (let p = 0; p < pages; p++) {
    const page = doc.addPage([A4.w, A4.h]);
    page.drawText(
      clip(
        `${title} · 家庭医生服务门牌 · ${printedOn} 打印 · 第${p + 1}/${pages}页`,
        font,
        9,
        A4.w - 2 * MARGIN,
      ),
      {
        x: MARGIN,
        y: A4.h - MARGIN - 9,
        size: 9,
        font,
        color: rgb(0.4, 0.4, 0.4),
      },
    );
    const slice = plates.slice(p * PLATES_PER_PAGE, (p + 1) * PLATES_PER_PAGE);
    for (const [i, plate] of slice.entries()) {
      const col = i % COLS;
      const row = Math.floor(i / COLS);
      const x = MARGIN + col * cellW + 6;
      const top = A4.h - MARGIN - 20 - row * cellH - 6;
      const w = cellW - 12;
      const h = cellH - 12;
      page.drawRectangle({ x, y: top - h, width: w, height: h, borderColor: green, borderWidth: 1.5 });
      page.drawRectangle({ x, y: top - 26, width: w, height: 26, color: green });
      page.drawText('家庭医生签约服务 · 网格门牌', {
        x: x + 10,
        y: top - 18,
        size: 11,
        font,
        color: rgb(1, 1, 1),
      });
      // The address across the whole plate (the one thing a reader must get), then code and details.
      page.drawText(clip(plate.address, font, 15, w - 20), { x: x + 10, y: top - 48, size: 15, font });
      const img = await doc.embedPng(plate.png);
      const q = Math.min(h - 66, 118);
      page.drawImage(img, { x: x + 6, y: top - 58 - q, width: q, height: q });
      const tx = x + q + 12;
      const tw = w - q - 20;
      const small = (text: string, dy: number, size: number, color = rgb(0.3, 0.3, 0.3)) => {
        let line = '';
        let y = top - dy;
        // Wrap by width over at most two lines (team names are long; Chinese has no spaces).
        const lines: string[] = [];
        for (const ch of text) {
          if (font.widthOfTextAtSize(line + ch, size) > tw && line) {
            lines.push(line);
            line = ch;
          } else line += ch;
        }
        if (line) lines.push(line);
        for (const l of lines.slice(0, 2)) {
          page.drawText(l, { x: tx, y, size, font, color });
          y -= size * 1.4;
        }
      };
      small(plate.gridName, 78, 10);
      if (plate.teamName) small(`签约团队：${plate.teamName}`, 100, 9);
      small('网格员扫码入户登记', 140, 9, green);
    }
  }
  return doc.save();
}
