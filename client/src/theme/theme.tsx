import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import {
  createContext,
  type PropsWithChildren,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
} from 'react';

const STORAGE_KEY = 'jy.largeFont';

type Theme = { largeFont: boolean; setLargeFont: (on: boolean) => void };

const ThemeContext = createContext<Theme>({ largeFont: false, setLargeFont: () => undefined });

function readStored(): boolean {
  try {
    return Taro.getStorageSync(STORAGE_KEY) === true;
  } catch {
    return false;
  }
}

/** Holds the 适老化 (large-font) setting for every page; persisted on the device. */
export function ThemeProvider({ children }: PropsWithChildren) {
  const [largeFont, setState] = useState(readStored);
  const setLargeFont = useCallback((on: boolean) => {
    setState(on);
    Taro.setStorageSync(STORAGE_KEY, on);
  }, []);
  const value = useMemo(() => ({ largeFont, setLargeFont }), [largeFont, setLargeFont]);
  // The H5 tab bar lives outside every page: a class on <body> lets its labels grow too.
  useEffect(() => {
    if (typeof document !== 'undefined') document.body.classList.toggle('jy-large', largeFont);
  }, [largeFont]);
  return <ThemeContext.Provider value={value}>{children}</ThemeContext.Provider>;
}

/** The current theme; pages read it through <Page>, settings toggle it. */
export function useTheme(): Theme {
  return useContext(ThemeContext);
}

/** Root of every page: applies the theme so no page can forget the large-font mode. */
export function Page({ children, className }: PropsWithChildren<{ className?: string }>) {
  const { largeFont } = useTheme();
  const classes = ['jy-page', largeFont ? 'jy-page--large' : '', className ?? ''].filter(Boolean).join(' ');
  useEffect(() => {
    // H5: the router's page element is the scrolling region; give it a tab stop so a keyboard
    // (or switch-access) user can scroll a page that has no focusable control of its own.
    if (process.env.TARO_ENV !== 'h5') return;
    for (const el of Array.from(document.querySelectorAll('.taro_page:not([tabindex])')))
      el.setAttribute('tabindex', '0');
  });
  return (
    <View className={classes}>
      <BackBar />
      {children}
    </View>
  );
}

const TAB_ROUTES = [
  'pages/index/index',
  'pages/sign/index',
  'pages/booking/index',
  'pages/health/index',
  'pages/me/index',
];

/**
 * H5 has no native navigation bar: every page outside the five tabs gets a 返回 link (back, or
 * home when opened directly). WeChat draws its own back button, so weapp shows nothing.
 */
function BackBar() {
  if (process.env.TARO_ENV !== 'h5' || typeof Taro.getCurrentPages !== 'function') return null;
  let pages: { route?: string }[] = [];
  try {
    pages = Taro.getCurrentPages();
  } catch {
    // No router (a page rendered on its own, as in component tests): nothing to go back to.
    return null;
  }
  const route =
    String(pages[pages.length - 1]?.route ?? '')
      .replace(/^\//, '')
      .split('?')[0] ?? '';
  if (!route || TAB_ROUTES.includes(route)) return null;
  const back = () => (pages.length > 1 ? Taro.navigateBack() : Taro.switchTab({ url: '/pages/index/index' }));
  return (
    <View className="jy-back" role="button" aria-label="返回上一页" onClick={() => void back()}>
      ‹ 返回
    </View>
  );
}
