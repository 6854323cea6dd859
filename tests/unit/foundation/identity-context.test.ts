import { identityFrom } from '../../../cloudfunctions/_lib/runtime';

// identityFrom reads the caller through the SDK's getCloudbaseContext, in every shape the platform
// uses, and never from the event; no openid means anonymous.
const WX = ['WX_OPENID', 'WX_APPID', 'WX_UNIONID', 'WX_CONTEXT_KEYS'] as const;
const saved: Record<string, string | undefined> = {};
beforeEach(() => {
  for (const k of WX) {
    saved[k] = process.env[k];
    delete process.env[k];
  }
});
afterEach(() => {
  for (const k of WX) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
});

const ANON = { openid: null, appid: null, unionid: null };

describe('identityFrom', () => {
  it('reads context.environment (JSON, newer runtime)', () => {
    const context = {
      request_id: 'r',
      environment: JSON.stringify({ WX_OPENID: 'o-new', WX_APPID: 'wx-app', WX_UNIONID: '' }),
    };
    expect(identityFrom(context)).toEqual({ openid: 'o-new', appid: 'wx-app', unionid: null });
  });

  it('reads context.environ (k=v;… , older runtime)', () => {
    const context = { request_id: 'r', environ: 'WX_OPENID=o-old;WX_APPID=wx-app;WX_UNIONID=u-1' };
    expect(identityFrom(context)).toEqual({ openid: 'o-old', appid: 'wx-app', unionid: 'u-1' });
  });

  it('reads the WX_* process variables when the context carries none', () => {
    process.env.WX_CONTEXT_KEYS = 'WX_OPENID,WX_APPID,WX_UNIONID';
    process.env.WX_OPENID = 'o-env';
    process.env.WX_APPID = 'wx-app';
    expect(identityFrom({ request_id: 'r', environ: '' })).toEqual({
      openid: 'o-env',
      appid: 'wx-app',
      unionid: null,
    });
    // A context the SDK cannot parse still leaves the process variables.
    expect(identityFrom({})).toMatchObject({ openid: 'o-env' });
    expect(identityFrom(undefined)).toMatchObject({ openid: 'o-env' });
  });

  it('fails closed: no openid anywhere is anonymous, whatever else is present', () => {
    expect(identityFrom({})).toEqual(ANON);
    expect(identityFrom(null)).toEqual(ANON);
    expect(identityFrom('WX_OPENID=x')).toEqual(ANON);
    expect(identityFrom({ environment: JSON.stringify({ WX_APPID: 'wx-app' }) })).toEqual(ANON);
    expect(identityFrom({ environment: JSON.stringify({ WX_OPENID: '' }) })).toEqual(ANON);
    expect(identityFrom({ environment: 'not json' })).toEqual(ANON);
    // The older shape turns a value with commas into an array: never an identity.
    expect(identityFrom({ environ: 'WX_OPENID=a,b' })).toEqual(ANON);
  });

  it('never takes the caller from the event or other context fields', () => {
    expect(identityFrom({ openid: 'forged', WX_OPENID: 'forged', userInfo: { openId: 'forged' } })).toEqual(
      ANON,
    );
  });
});
