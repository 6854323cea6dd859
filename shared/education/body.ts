import { z } from '../api/zod';

/**
 * An article body is a small structured format (blocks), not HTML. Why: the weapp renders it with
 * plain <Text>/<Image> components (no rich-text, no HTML parser in the main package), large-font
 * mode applies to it like any other text, read-aloud gets the plain text for free, and there is
 * no markup to smuggle a script or a foreign link through. The server still cleans every string
 * (`sanitizeBody`): pasted HTML is reduced to its text, script and style content is dropped, and
 * links may only point inside the mini-program.
 */
export const BLOCK_TYPES = ['heading', 'paragraph', 'list', 'image', 'link'] as const;

const zText = (max: number) => z.string().max(max);

/** A stored image: a storage file id (cloud://…) uploaded by the author. */
export const zFileId = z.string().regex(/^cloud:\/\/\S{1,300}$/, { error: '图片必须先上传到云存储' });

export const ZBlock = z.discriminatedUnion('type', [
  z.object({ type: z.literal('heading'), text: zText(60) }),
  z.object({ type: z.literal('paragraph'), text: zText(2000) }),
  z.object({
    type: z.literal('list'),
    ordered: z.boolean().default(false),
    items: z.array(zText(300)).min(1).max(30),
  }),
  z.object({ type: z.literal('image'), fileId: zFileId, caption: zText(60).optional() }),
  z.object({ type: z.literal('link'), text: zText(60), href: zText(300) }),
]);
export type TBlock = z.output<typeof ZBlock>;

export const ZBody = z.array(ZBlock).min(1, { error: '正文不能为空' }).max(80, { error: '正文最多80段' });
export type TBody = z.output<typeof ZBody>;

/** Hosts whose links may appear in text. None by default: education stays inside the app. */
export const ALLOWED_LINK_HOSTS: readonly string[] = [];

/** Internal mini-program pages a link block may open. */
const INTERNAL_PAGE = /^\/(pages|packages)\/[A-Za-z0-9_/-]{1,100}(\?[A-Za-z0-9_=&-]{0,100})?$/;

const URL_RE = /\b(?:https?:\/\/|www\.)[^\s<>"'，。；）)]+/gi;
const SCHEME_RE = /\b(?:javascript|vbscript|data)\s*:/gi;

const hostOf = (url: string): string => {
  const m = /^(?:https?:\/\/)?([^/?#:]+)/i.exec(url);
  return (m?.[1] ?? '').toLowerCase();
};

/**
 * One string made safe: the content of script/style/iframe elements removed with them, any
 * other tag reduced to its text, dangerous schemes and links to foreign hosts removed, control
 * characters dropped. '正文<script>alert(1)</script>结束' → '正文结束'.
 */
export const sanitizeText = (raw: string): string =>
  raw
    .replace(/<(script|style|iframe|object|embed|noscript)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<(script|style|iframe|object|embed|noscript)\b[^>]*\/?>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<\/?[A-Za-z][^>]*>/g, '')
    // An unclosed tag at the end ('…<script src=x'), but not a comparison ('舒张压<90').
    .replace(/<[A-Za-z!/][^>]{0,200}$/g, '')
    .replace(URL_RE, (u) => (ALLOWED_LINK_HOSTS.includes(hostOf(u)) ? u : ''))
    .replace(SCHEME_RE, '')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(/[ \t]{2,}/g, ' ')
    .trim();

/** True when a link target is a page of this mini-program. */
export const isInternalLink = (href: string): boolean => INTERNAL_PAGE.test(href.trim());

/**
 * The body as stored: every string cleaned, empty blocks dropped, a link to anywhere but an
 * internal page turned into plain text (its label kept, its target dropped).
 */
export const sanitizeBody = (body: readonly TBlock[]): TBlock[] => {
  const out: TBlock[] = [];
  for (const b of body) {
    switch (b.type) {
      case 'heading':
      case 'paragraph': {
        const text = sanitizeText(b.text);
        if (text) out.push({ type: b.type, text });
        break;
      }
      case 'list': {
        const items = b.items.map(sanitizeText).filter(Boolean);
        if (items.length) out.push({ type: 'list', ordered: b.ordered, items });
        break;
      }
      case 'image': {
        const caption = b.caption === undefined ? undefined : sanitizeText(b.caption);
        out.push({ type: 'image', fileId: b.fileId, ...(caption ? { caption } : {}) });
        break;
      }
      case 'link': {
        const text = sanitizeText(b.text);
        if (isInternalLink(b.href)) out.push({ type: 'link', text: text || '查看', href: b.href.trim() });
        else if (text) out.push({ type: 'paragraph', text });
        break;
      }
    }
  }
  return out;
};

/** The body as plain text, in reading order (read-aloud, summaries). */
export const bodyText = (body: readonly TBlock[]): string =>
  body
    .map((b) => {
      if (b.type === 'list') return b.items.map((it, i) => (b.ordered ? `${i + 1}. ${it}` : it)).join('。');
      if (b.type === 'image') return b.caption ?? '';
      return b.text;
    })
    .filter(Boolean)
    .join('。\n');

/** Storage file ids of the images in a body (to resolve download URLs in one request). */
export const imageFileIds = (body: readonly TBlock[]): string[] =>
  body.flatMap((b) => (b.type === 'image' ? [b.fileId] : []));
