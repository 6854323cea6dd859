import { ZPingInput } from '@shared/api/system';
import { now } from '../_lib/clock';
import { action, createFunction } from '../_lib/runtime';

/** Proves the deploy and request path end to end; answers the server time and whether a caller was identified. */
export const main = createFunction('ping', {
  ping: action({
    input: ZPingInput,
    handle: (_input, { identity }) => ({
      pong: true as const,
      serverTime: now().toISOString(),
      identified: identity.openid !== null,
    }),
  }),
});
