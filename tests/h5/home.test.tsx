import { render, screen } from '@testing-library/react';
import Home from '../../client/src/pages/index/index';
import { DEMO_OPENID_KEY } from '../../client/src/services/transport';
import { ThemeProvider } from '../../client/src/theme/theme';

type Call = { url: string; headers: Record<string, string>; body: unknown };

function stubGateway(answer: (name: string) => unknown) {
  const calls: Call[] = [];
  globalThis.fetch = (async (url: string, init: RequestInit) => {
    calls.push({ url, headers: init.headers as Record<string, string>, body: JSON.parse(String(init.body)) });
    return { json: async () => answer(url) } as Response;
  }) as typeof fetch;
  return calls;
}

const renderHome = () =>
  render(
    <ThemeProvider>
      <Home />
    </ThemeProvider>,
  );

describe('H5 home page', () => {
  beforeEach(() => localStorage.clear());

  it('reaches ping through the H5 gateway transport and says the service is up', async () => {
    const calls = stubGateway(() => ({
      result: { ok: true, data: { pong: true, serverTime: '2026-11-25T00:00:00Z', identified: false } },
    }));
    renderHome();
    expect(await screen.findByText('服务连接正常')).toBeTruthy();
    expect(calls).toHaveLength(1);
    expect(calls[0]?.url).toBe('/fn/ping');
    expect(calls[0]?.body).toEqual({ action: 'ping', input: {} });
  });

  it('sends the demo identity chosen at login as a header, never in the body', async () => {
    localStorage.setItem(DEMO_OPENID_KEY, JSON.stringify({ data: 'demo-resident-1' }));
    const calls = stubGateway(() => ({
      result: { ok: true, data: { pong: true, serverTime: '', identified: true } },
    }));
    renderHome();
    await screen.findByText('服务连接正常');
    expect(calls[0]?.headers['x-jy-openid']).toBe('demo-resident-1');
    expect(JSON.stringify(calls[0]?.body)).not.toContain('demo-resident-1');
  });

  it('shows a Chinese error when the gateway answers an error envelope', async () => {
    stubGateway(() => ({ result: { ok: false, code: 'INTERNAL', message: '服务暂时不可用，请稍后重试' } }));
    renderHome();
    expect(await screen.findByText('暂时无法连接服务，请稍后重试')).toBeTruthy();
  });

  it('shows a Chinese error when the network fails', async () => {
    globalThis.fetch = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    renderHome();
    expect(await screen.findByText('暂时无法连接服务，请稍后重试')).toBeTruthy();
  });
});
