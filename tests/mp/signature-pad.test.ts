import path from 'node:path';
import simulate from 'miniprogram-simulate';

const componentPath = path.resolve(__dirname, '../../client/src/components/native/signature-pad/index');
const id = simulate.load(componentPath);

type Pad = ReturnType<typeof simulate.render>;
// The component's methods and j-component's event listener, which the bundled types omit.
type PadMethods = { confirm(): void; undo(): void; clear(): void };
type Listenable = {
  addEventListener(name: string, fn: (e: { detail: Record<string, unknown> }) => void): void;
};
const methods = (pad: Pad) => pad.instance as unknown as PadMethods;

function mount(props: Record<string, unknown> = {}) {
  const pad = simulate.render(id, props);
  pad.attach(document.createElement('parent-wrapper'));
  const events: { name: string; detail: Record<string, unknown> }[] = [];
  for (const name of ['change', 'confirm', 'error']) {
    (pad as unknown as Listenable).addEventListener(name, (e) => events.push({ name, detail: e.detail }));
  }
  return { pad, events };
}

const canvas = (pad: Pad) => pad.querySelector('.pad__canvas');

/** Draws one stroke through the canvas's real touch handlers. */
async function stroke(pad: Pad, points: [number, number][]) {
  const c = canvas(pad);
  const [first, ...rest] = points;
  c?.dispatchEvent('touchstart', { touches: [{ x: first?.[0], y: first?.[1] }] });
  for (const [x, y] of rest) c?.dispatchEvent('touchmove', { touches: [{ x, y }] });
  const [lx, ly] = points.at(-1) ?? [0, 0];
  c?.dispatchEvent('touchend', { changedTouches: [{ x: lx, y: ly }] });
  await simulate.sleep(0);
}

const buttons = (pad: Pad) => pad.querySelectorAll('.pad__btn');

describe('native signature-pad component', () => {
  it('starts empty with the hint shown and confirm disabled', () => {
    const { pad } = mount();
    expect(pad.querySelector('.pad__hint')?.dom?.textContent).toBe('请在此处用手指签名');
    expect(pad.data.empty).toBe(true);
    expect(pad.data.enough).toBe(false);
  });

  it('a tap is not a signature: confirm stays disabled below the minimum ink', async () => {
    const { pad, events } = mount();
    await stroke(pad, [
      [10, 10],
      [12, 11],
    ]);
    expect(pad.data.empty).toBe(false);
    expect(pad.data.enough).toBe(false);
    expect(events.at(-1)).toEqual({ name: 'change', detail: { empty: false, enough: false, strokes: 1 } });
    methods(pad).confirm();
    expect(events.at(-1)).toMatchObject({ name: 'error', detail: { code: 'SIGNATURE_TOO_SHORT' } });
  });

  it('enough ink enables confirm; undo takes back the last stroke; clear empties', async () => {
    const { pad } = mount();
    await stroke(pad, [
      [10, 40],
      [40, 40],
    ]);
    expect(pad.data.enough).toBe(false); // 30 px
    await stroke(pad, [
      [10, 60],
      [50, 60],
    ]);
    expect(pad.data.enough).toBe(true); // 70 px in two strokes
    methods(pad).undo();
    expect(pad.data.enough).toBe(false);
    expect(pad.data.empty).toBe(false);
    methods(pad).clear();
    await simulate.sleep(0);
    expect(pad.data.empty).toBe(true);
    expect(pad.querySelector('.pad__hint')).toBeTruthy();
  });

  it('reports a clear Chinese error instead of exporting when the canvas is unavailable', async () => {
    const { pad, events } = mount();
    await stroke(pad, [
      [0, 0],
      [100, 0],
    ]);
    methods(pad).confirm();
    expect(events.at(-1)).toEqual({
      name: 'error',
      detail: { code: 'CANVAS_UNAVAILABLE', message: '签名板未就绪，请稍后重试' },
    });
  });

  it('renders three actions with Chinese labels and a larger pad in large-font mode', () => {
    const { pad } = mount({ large: true });
    expect(buttons(pad).map((b) => b.dom?.textContent?.trim())).toEqual(['撤销', '清除', '确认签名']);
    expect(pad.querySelector('.pad')?.dom?.className).toContain('pad--large');
  });
});
