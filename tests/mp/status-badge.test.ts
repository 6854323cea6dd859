import path from 'node:path';
import simulate from 'miniprogram-simulate';

const componentPath = path.resolve(__dirname, '../../client/src/components/native/status-badge/index');

// load() registers the definition once; each render() builds a fresh instance from it.
const id = simulate.load(componentPath);

function render(props: Record<string, unknown>) {
  const comp = simulate.render(id, props);
  comp.attach(document.createElement('parent-wrapper'));
  return comp;
}

describe('native status-badge component', () => {
  it('shows the label as text and as its accessible name', () => {
    const comp = render({ label: '已生效', tone: 'ok' });
    const label = comp.querySelector('.badge__label');
    expect(label?.dom?.textContent).toBe('已生效');
    expect(comp.querySelector('.badge')?.dom?.className).toContain('badge--ok');
  });

  it.each(['ok', 'warn', 'bad', 'idle'])('applies the %s tone class', (tone) => {
    const comp = render({ label: '状态', tone });
    expect(comp.querySelector('.badge')?.dom?.className).toContain(`badge--${tone}`);
  });

  it('falls back to the neutral tone for an unknown tone', async () => {
    const comp = render({ label: '待确认', tone: 'purple' });
    await simulate.sleep(0);
    expect(comp.querySelector('.badge')?.dom?.className).toContain('badge--idle');
  });

  it('switches to the large size in large-font mode and back', async () => {
    const comp = render({ label: '服务连接正常', tone: 'ok', large: true });
    expect(comp.querySelector('.badge')?.dom?.className).toContain('badge--large');
    comp.setData({ large: false });
    await simulate.sleep(0);
    expect(comp.querySelector('.badge')?.dom?.className).not.toContain('badge--large');
  });
});
