import { act, render } from '@testing-library/react';
import Me from '../../client/src/pages/me/index';
import Sign from '../../client/src/pages/sign/index';
import { ThemeProvider } from '../../client/src/theme/theme';

const STORAGE_KEY = 'jy.largeFont';

describe('large-font mode (适老化)', () => {
  beforeEach(() => localStorage.clear());

  it('is off by default and every page root carries the theme class', () => {
    const { container } = render(
      <ThemeProvider>
        <Sign />
      </ThemeProvider>,
    );
    const root = container.querySelector('.jy-page');
    expect(root).not.toBeNull();
    expect(root?.className).not.toContain('jy-page--large');
  });

  it('switching it on in 我的 enlarges the page at once and persists the choice', async () => {
    const { container } = render(
      <ThemeProvider>
        <Me />
      </ThemeProvider>,
    );
    const toggle = container.querySelector('[role="switch"]');
    expect(toggle).not.toBeNull();
    await act(async () => {
      toggle?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    });
    expect(container.querySelector('.jy-page')?.className).toContain('jy-page--large');
    expect(JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}').data).toBe(true);
  });

  it('a stored choice applies to other pages on the next launch', () => {
    localStorage.setItem(STORAGE_KEY, JSON.stringify({ data: true }));
    const { container } = render(
      <ThemeProvider>
        <Sign />
      </ThemeProvider>,
    );
    expect(container.querySelector('.jy-page')?.className).toContain('jy-page--large');
  });
});
