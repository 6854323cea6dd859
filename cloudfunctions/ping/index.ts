import { ZPingInput } from '@shared/api/system';
import { now } from '../_lib/clock';
import { envPresence } from '../_lib/env';
import { action, createFunction } from '../_lib/runtime';

/**
 * Proves the deploy and request path end to end: the server time, whether the platform delivered
 * the caller's openid, and whether the deployment variables reached functions (ping is declared
 * with the same variables as the guarded functions; it reports presence only, never a value).
 */
export const main = createFunction('ping', {
  ping: action({
    input: ZPingInput,
    handle: (_input, { identity }) => ({
      pong: true as const,
      serverTime: now().toISOString(),
      identified: identity.openid !== null,
      platform: { openid: identity.openid !== null, appid: identity.appid !== null, env: envPresence() },
    }),
  }),
});
