import cloudbase from '@cloudbase/node-sdk';
import { PLATE_PAGE } from '@shared/grid';

type App = ReturnType<typeof cloudbase.init>;

/**
 * The image on a door plate: a mini-program code from `wxacode.getUnlimited` with the token as
 * `scene`, opening the scan page (WeChat itself opens it; inside the app Taro.scanCode reads it).
 * WeChat answers the image bytes; the local emulator answers base64 in JSON (wx.api has no binary
 * channel there) — both are accepted. The same function renders the plate for tests.
 */
export async function plateCodePng(app: App, token: string): Promise<Uint8Array> {
  const r = await app.callWxOpenApi({
    apiName: 'wxacode.getUnlimited',
    requestData: { scene: token, page: PLATE_PAGE, width: 280, check_path: false },
  });
  const res = r.result as unknown;
  if (res instanceof Uint8Array) return res;
  if (typeof res === 'object' && res !== null) {
    const o = res as { errcode?: number; buffer?: unknown; errmsg?: string };
    if (o.errcode) throw new Error(`wxacode.getUnlimited failed: ${o.errcode}`);
    if (typeof o.buffer === 'string') return Buffer.from(o.buffer, 'base64');
    if (o.buffer && typeof o.buffer === 'object') {
      const b = o.buffer as { data?: number[]; type?: string };
      if (Array.isArray(b.data)) return Uint8Array.from(b.data);
    }
  }
  throw new Error('wxacode.getUnlimited answered no image');
}

// A sheet makes dozens of open-API calls: a slow one should not fail the whole sheet at the SDK's default 15 s.
export const currentApp = (): App => cloudbase.init({ env: cloudbase.SYMBOL_CURRENT_ENV, timeout: 50_000 });
