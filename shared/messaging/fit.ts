/**
 * WeChat refuses a subscribe message whose field value breaks its keyword type's limit, so every
 * value is fitted here, by rule, at send time (the stored message keeps the full text; the
 * in-app copy shows it whole). Limits: thing ≤ 20 characters, name ≤ 10 Chinese characters
 * (we keep ≤ 10 characters of any kind, valid for both scripts), phrase ≤ 5, number/letter/
 * character_string ≤ 32 of their alphabet, symbol ≤ 5, phone_number ≤ 17, car_number ≤ 8,
 * amount one sign + ≤ 10 digits; time and date must parse; no control characters anywhere;
 * never empty (WeChat refuses empty values too).
 */

/** The keyword type of a template field: its name without the trailing number (`thing3` → `thing`). */
export const fieldType = (field: string): string => field.replace(/\d+$/, '');

const ELLIPSIS = '…';

/** Cuts to `max` characters (code points), marking the cut with an ellipsis inside the limit. */
const cut = (s: string, max: number): string => {
  const chars = [...s];
  return chars.length <= max ? s : `${chars.slice(0, max - 1).join('')}${ELLIPSIS}`;
};

const keepOnly = (s: string, re: RegExp, max: number): string => (s.match(re) ?? []).join('').slice(0, max);

const TIME =
  /^(\d{4}[-年/]\d{1,2}[-月/]\d{1,2}日?\s*)?\d{1,2}:\d{2}(\s*~\s*(\d{4}[-年/]\d{1,2}[-月/]\d{1,2}日?\s*)?\d{1,2}:\d{2})?$/;
const DATE =
  /^\d{4}[-年/]\d{1,2}[-月/]\d{1,2}日?(\s+\d{1,2}:\d{2})?(\s*~\s*\d{4}[-年/]\d{1,2}[-月/]\d{1,2}日?(\s+\d{1,2}:\d{2})?)?$/;

/** What a field shows when the message has nothing for it. */
const EMPTY: Record<string, string> = {
  thing: '无',
  name: '用户',
  phrase: '提醒',
  number: '0',
  letter: 'NA',
  symbol: '-',
  character_string: '-',
  amount: '0元',
};

/** Fits one value to the limits of a keyword type (see module comment). */
export function fitValue(type: string, raw: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what WeChat refuses
  const s = raw.replace(/[\u0000-\u001f\u007f]/g, ' ').trim();
  let out: string;
  switch (type) {
    case 'thing':
      out = cut(s, 20);
      break;
    case 'name':
      out = [...s].slice(0, 10).join('');
      break;
    case 'phrase':
      out = [...s].slice(0, 5).join('');
      break;
    case 'number':
      out = keepOnly(s, /[0-9.]/g, 32);
      break;
    case 'letter':
      out = keepOnly(s, /[A-Za-z]/g, 32);
      break;
    case 'symbol':
      out = keepOnly(s, /[^\sA-Za-z0-9\u4e00-\u9fff]/g, 5);
      break;
    case 'character_string':
      out = keepOnly(s, /[!-~]/g, 32);
      break;
    case 'phone_number':
      out = keepOnly(s, /[0-9+\-()]/g, 17);
      break;
    case 'car_number':
      out = [...s.replace(/\s/g, '')].slice(0, 8).join('');
      break;
    case 'amount': {
      const m = s.match(/^([¥￥$]?)(\d{1,10}(\.\d{1,2})?)(元?)$/);
      out = m ? s : '';
      break;
    }
    case 'time':
      out = TIME.test(s) ? s : '';
      break;
    case 'date':
      out = DATE.test(s) ? s : '';
      break;
    default:
      out = cut(s, 20);
  }
  return out === '' ? (EMPTY[type] ?? '-') : out;
}

/**
 * The `data` of a `subscribeMessage.send` for a template: every field present, each value taken
 * from the message by the template's mapping and fitted to its type.
 */
export function templateData(
  tpl: { fields: readonly string[]; map?: Readonly<Record<string, string>> },
  values: Readonly<Record<string, string>>,
): Record<string, { value: string }> {
  const out: Record<string, { value: string }> = {};
  for (const f of tpl.fields) {
    const key = tpl.map?.[f] ?? f;
    out[f] = { value: fitValue(fieldType(f), values[key] ?? values[f] ?? '') };
  }
  return out;
}
