import type { SignaturePadProps } from './types';

/** weapp: the native Canvas 2D pad (components/native/signature-pad) listed in usingComponents. */
export function SignaturePad({ onConfirm, onError, hint, large }: SignaturePadProps) {
  return (
    <signature-pad
      hint={hint}
      large={large}
      onConfirm={(e) => onConfirm(e.detail.tempFilePath)}
      onError={(e) => onError?.(e.detail.message)}
    />
  );
}
