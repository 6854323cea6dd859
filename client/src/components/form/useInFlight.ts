import { useCallback, useRef, useState } from 'react';

/**
 * useSubmit's first rule for pages with one button per list item (a card's 撤回, 接受, 保存):
 * while an action on `key` is in flight, further taps on it do nothing (a ref, so two taps in
 * the same tick before React re-renders still run once), and `busy(key)` disables its buttons.
 */
export function useInFlight() {
  const inFlight = useRef(new Set<string>());
  const [keys, setKeys] = useState<string[]>([]);
  const run = useCallback(async (key: string, work: () => Promise<unknown>): Promise<void> => {
    if (inFlight.current.has(key)) return;
    inFlight.current.add(key);
    setKeys([...inFlight.current]);
    try {
      await work();
    } finally {
      inFlight.current.delete(key);
      setKeys([...inFlight.current]);
    }
  }, []);
  const busy = useCallback((key: string) => keys.includes(key), [keys]);
  return { run, busy };
}
