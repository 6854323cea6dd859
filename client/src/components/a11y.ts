/**
 * ARIA props for a View, per platform. WeChat reads `ariaRole` / `ariaChecked` … (rendered as
 * `aria-role`, which browsers do not know); the H5 build needs real `role` / `aria-*` attributes
 * and a tab stop. NutUI's Switch and Checkbox emit the WeChat form on H5 too, which axe-core
 * reports as invalid ARIA, so our controls use this instead.
 */
export function ariaProps(a: { role: string; checked?: boolean; label?: string; disabled?: boolean }) {
  if (process.env.TARO_ENV === 'h5') {
    return {
      role: a.role,
      tabIndex: a.disabled ? -1 : 0,
      ...(a.checked === undefined ? {} : { 'aria-checked': a.checked }),
      ...(a.label ? { 'aria-label': a.label } : {}),
      ...(a.disabled ? { 'aria-disabled': true } : {}),
    } as Record<string, unknown>;
  }
  return {
    ariaRole: a.role,
    ...(a.checked === undefined ? {} : { ariaChecked: a.checked }),
    ...(a.label ? { ariaLabel: a.label } : {}),
    ...(a.disabled ? { ariaDisabled: true } : {}),
  } as Record<string, unknown>;
}

/** Space and Enter toggle a focused control on H5 (a keyboard or switch-access user). */
export const onActivateKey = (toggle: () => void) => (e: { key?: string; preventDefault?: () => void }) => {
  if (e.key === ' ' || e.key === 'Enter') {
    e.preventDefault?.();
    toggle();
  }
};
