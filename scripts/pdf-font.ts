// Regenerates the contract PDF font (assets/fonts/): a subset of Noto Sans CJK SC Regular (SIL Open
// Font License 1.1, assets/fonts/OFL.txt) that travels inside the `contract` function package.
//
// Characters kept: printable ASCII, CJK and full-width punctuation, every character of GB2312
// (6,763 hanzi: level 1 and 2, which covers the common names and addresses), and every non-ASCII
// character written anywhere in shared/, cloudfunctions/ and scripts/seed/ (the agreement text,
// labels, demo data). A character outside the subset prints as an empty box, never an error.
//
// Needs Python's fontTools (`apt-get install python3-fonttools`) and the source font
// (`apt-get install fonts-noto-cjk`, or SOURCE_FONT=<path to NotoSansCJK-Regular.ttc>); PYTHON names
// the interpreter that has fontTools (default python3).
//   npx tsx scripts/pdf-font.ts
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isEntry } from './entry';
import { repoRoot } from './functions';

export const PDF_FONT_FILE = 'NotoSansSC-Regular.jy-subset.otf';
export const PDF_FONT_DIR = path.join(repoRoot, 'assets', 'fonts');

const SOURCE = process.env.SOURCE_FONT ?? '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
/** Index of NotoSansCJKsc-Regular inside the Debian .ttc (0 jp, 1 kr, 2 sc, 3 tc, 4 hk). */
const SC_FACE = 2;

/** GB2312 rows 16–87 (hanzi) and 1–9 (symbols), decoded from the two-byte code space. */
export function gb2312(): string {
  const decoder = new TextDecoder('gb18030');
  let out = '';
  for (let hi = 0xa1; hi <= 0xf7; hi++) {
    if (hi >= 0xaa && hi <= 0xaf) continue;
    for (let lo = 0xa1; lo <= 0xfe; lo++) {
      const ch = decoder.decode(new Uint8Array([hi, lo]));
      if (ch.length === 1 && ch !== '\ufffd' && ch.codePointAt(0)! > 0x7f) out += ch;
    }
  }
  return out;
}

function sourceCharacters(): string {
  const roots = ['shared', 'cloudfunctions', path.join('scripts', 'seed')].map((r) => path.join(repoRoot, r));
  const seen = new Set<string>();
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(ts|tsx|json)$/.test(e.name)) {
        for (const ch of fs.readFileSync(p, 'utf8')) if (ch.codePointAt(0)! > 0x7f) seen.add(ch);
      }
    }
  };
  for (const r of roots) if (fs.existsSync(r)) walk(r);
  return [...seen].join('');
}

function range(from: number, to: number): string {
  let s = '';
  for (let c = from; c <= to; c++) s += String.fromCodePoint(c);
  return s;
}

export function pdfCharset(): string {
  const all =
    range(0x20, 0x7e) +
    range(0x2010, 0x2027) + // dashes, quotes, ellipsis
    range(0x3000, 0x303f) + // CJK punctuation
    range(0xff01, 0xff5e) + // full-width forms
    '·×÷°¥' +
    gb2312() +
    sourceCharacters();
  return [...new Set(all)].filter((ch) => !/[\ud800-\udfff]/.test(ch) || ch.length === 2).join('');
}

function main(): void {
  const chars = pdfCharset();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jy-font-'));
  const textFile = path.join(tmp, 'chars.txt');
  fs.writeFileSync(textFile, chars);
  fs.mkdirSync(PDF_FONT_DIR, { recursive: true });
  const out = path.join(PDF_FONT_DIR, PDF_FONT_FILE);
  execFileSync(
    process.env.PYTHON ?? 'python3',
    [
      '-m',
      'fontTools.subset',
      SOURCE,
      `--font-number=${SC_FACE}`,
      `--text-file=${textFile}`,
      `--output-file=${out}`,
      '--layout-features=',
      '--no-hinting',
      '--name-IDs=*',
      '--name-legacy',
      '--name-languages=*',
      '--notdef-outline',
    ],
    { stdio: 'inherit' },
  );
  fs.rmSync(tmp, { recursive: true, force: true });
  console.log(`${out}: ${[...chars].length} characters, ${(fs.statSync(out).size / 1024).toFixed(0)} KB`);
}

if (isEntry(__filename)) main();
