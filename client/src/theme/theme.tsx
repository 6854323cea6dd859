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
  return <View className={classes}>{children}</View>;
}
