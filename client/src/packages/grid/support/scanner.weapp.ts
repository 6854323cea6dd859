// weapp: WeChat's own scanner reads the plate's mini-program code (scene = token) or a QR code.
import Taro from '@tarojs/taro';

export async function scanWithWeChat(): Promise<string | undefined> {
  const r = await Taro.scanCode({ onlyFromCamera: false, scanType: ['qrCode', 'wxCode'] as never });
  // A mini-program code answers its path with `scene=`; a QR code its text.
  return r.path || r.result || undefined;
}

export const decodeImage = async (_url: string): Promise<string | undefined> => undefined;
export const scanFromPhoto = scanWithWeChat;
export const hasCamera = (): boolean => false;
export const scanFromCamera = (_video: unknown) => ({
  result: Promise.resolve(undefined),
  stop: () => undefined,
});
export const IS_H5 = false;
