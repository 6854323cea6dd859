import cloudbase from '@cloudbase/node-sdk';

type App = ReturnType<typeof cloudbase.init>;

export type SecVerdict = 'pass' | 'refused' | 'unavailable';

/**
 * WeChat content security (security.msgSecCheck v2) for user text before anyone sees it. Fails
 * closed: an error or an unreadable answer means the text is not stored. Only the verdict is kept;
 * the text never goes to a log.
 */
export async function checkText(
  openid: string,
  content: string,
  app: App = currentApp(),
): Promise<SecVerdict> {
  try {
    const r = await app.callWxOpenApi({
      apiName: 'security.msgSecCheck',
      requestData: { content, version: 2, scene: 2, openid },
    });
    const raw = r.result as unknown;
    const res = (typeof raw === 'string' ? JSON.parse(raw) : raw) as {
      errcode?: number;
      result?: { suggest?: string };
    };
    if (!res || (res.errcode ?? 0) !== 0) return res?.errcode === 87014 ? 'refused' : 'unavailable';
    const suggest = res.result?.suggest;
    if (suggest === 'pass') return 'pass';
    if (suggest === 'risky' || suggest === 'review') return 'refused';
    return 'unavailable';
  } catch {
    return 'unavailable';
  }
}

const currentApp = (): App => cloudbase.init({ env: cloudbase.SYMBOL_CURRENT_ENV });
