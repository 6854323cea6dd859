import 'react';

/** Same rule as the native weapp pad: below this much ink it is a tap or a slip, not a signature. */
export const MIN_INK_PX = 60;

export type SignaturePadProps = {
  /** A PNG: a data URL on H5, a temp file path on weapp. Upload it with services/contract. */
  onConfirm: (image: string) => void;
  onError?: (message: string) => void;
  hint?: string;
  large?: boolean;
  /** The signed request is being sent: 确认签名 shows loading and ignores taps. */
  busy?: boolean;
};

/** usingComponents entry for a page `depth` folders below src/ (weapp only). */
export const signaturePadComponent = (depth: number) => ({
  'signature-pad': `${'../'.repeat(depth)}components/native/signature-pad/index`,
});

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'signature-pad': {
        hint?: string;
        large?: boolean;
        onConfirm?: (e: { detail: { tempFilePath: string } }) => void;
        onError?: (e: { detail: { message: string } }) => void;
      };
    }
  }
}
