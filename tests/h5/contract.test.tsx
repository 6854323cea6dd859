import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { SignaturePad } from '../../client/src/components/SignaturePad';
import MyContracts from '../../client/src/pages/contract/index';
import { ThemeProvider } from '../../client/src/theme/theme';

// jsdom has no PointerEvent: a MouseEvent with a pointerId is what the pad reads.
class PointerEventShim extends MouseEvent {
  readonly pointerId: number;
  constructor(type: string, init: PointerEventInit = {}) {
    super(type, init);
    this.pointerId = init.pointerId ?? 0;
  }
}
(window as unknown as { PointerEvent: unknown }).PointerEvent ??= PointerEventShim;

type Call = { url: string; body: { action: string; input: Record<string, unknown> } };

function stubGateway(answer: (action: string) => unknown) {
  const calls: Call[] = [];
  globalThis.fetch = (async (url: string, init: RequestInit) => {
    const body = JSON.parse(String(init.body));
    calls.push({ url, body });
    return { json: async () => ({ result: answer(body.action) }) } as Response;
  }) as typeof fetch;
  return calls;
}

const isDisabled = (text: string) =>
  screen.getByText(text).closest('.nut-button')?.className.includes('nut-button-disabled') ?? false;

/** A stroke of `n` segments of 10 px along x. */
function stroke(canvas: HTMLElement, n: number) {
  fireEvent.pointerDown(canvas, { clientX: 0, clientY: 10, pointerId: 1 });
  for (let i = 1; i <= n; i++) fireEvent.pointerMove(canvas, { clientX: i * 10, clientY: 10, pointerId: 1 });
  fireEvent.pointerUp(canvas, { pointerId: 1 });
}

describe('H5 signature pad', () => {
  it('确认签名 is never greyed out: an empty pad or a slip says what is missing (issue 12)', () => {
    const confirmed: string[] = [];
    const errors: string[] = [];
    render(<SignaturePad onConfirm={(img) => confirmed.push(img)} onError={(m) => errors.push(m)} />);
    const canvas = screen.getByTestId('signature-canvas');
    expect(isDisabled('确认签名')).toBe(false);
    expect(isDisabled('撤销')).toBe(true);
    fireEvent.click(screen.getByText('确认签名'));
    expect(errors.pop()).toBe('还没有签名：请先在上面的白框里写下您的姓名，再点确认签名');
    stroke(canvas, 3); // 30 px: a slip, not a signature
    expect(isDisabled('撤销')).toBe(false);
    fireEvent.click(screen.getByText('确认签名'));
    expect(errors.pop()).toBe('签名过短，请完整签写姓名');
    fireEvent.click(screen.getByText('清除'));
    expect(isDisabled('撤销')).toBe(true);
    expect(screen.getByText('请在此处用手指或鼠标签名')).toBeTruthy();
    expect(confirmed).toEqual([]);
  });
});

const contract = (over: Record<string, unknown>) => ({
  contractId: 'c1',
  residentId: 'res-1',
  residentName: '张秀兰',
  teamId: 'team-cg-1',
  teamName: '东门社区家庭医生团队',
  kind: 'new',
  status: 'active',
  signedAt: '2026-11-20T02:00:00.000Z',
  ...over,
});

describe('H5 我的签约', () => {
  beforeEach(() => localStorage.clear());

  it('shows status, dates and contacts; withdraws a pending request through the contract function', async () => {
    let withdrawn = false;
    const calls = stubGateway((action) => {
      if (action === 'withdraw') {
        withdrawn = true;
        return { ok: true, data: contract({ contractId: 'c2', status: 'withdrawn' }) };
      }
      return {
        ok: true,
        data: {
          total: 2,
          contracts: [
            contract({
              startDate: '2026-11-21',
              endDate: '2027-11-20',
              confirmedAt: '2026-11-21T02:00:00.000Z',
              leaderName: '王建国',
              contacts: [{ name: '李晓梅', position: '护士' }],
            }),
            contract({
              contractId: 'c2',
              residentId: 'res-1m',
              residentName: '张母',
              status: withdrawn ? 'withdrawn' : 'pending',
              signedAt: '2026-11-24T02:00:00.000Z',
            }),
          ],
        },
      };
    });
    render(
      <ThemeProvider>
        <MyContracts />
      </ThemeProvider>,
    );
    expect(await screen.findByText('已生效')).toBeTruthy();
    expect(screen.getByText('2027-11-20')).toBeTruthy();
    expect(screen.getByText('李晓梅')).toBeTruthy();
    expect(screen.getByText('待确认')).toBeTruthy();
    fireEvent.click(screen.getByText('撤回申请'));
    await waitFor(() => expect(screen.getByText('已撤回')).toBeTruthy());
    expect(calls.map((c) => c.body.action)).toEqual(['mine', 'withdraw', 'mine']);
    expect(calls[1]?.body.input).toEqual({ contractId: 'c2' });
    expect(calls.every((c) => c.url === '/fn/contract')).toBe(true);
  });
});
