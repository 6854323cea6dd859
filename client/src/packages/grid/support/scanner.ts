// H5: the door-plate QR read from the camera (getUserMedia) or from a photo, decoded with jsQR.
// The weapp build uses scanner.weapp.ts (Taro.scanCode) instead, so jsQR never enters the mini-program.
import Taro from '@tarojs/taro';
import jsQR from 'jsqr';

/** Decodes the first QR code in an image URL (blob: or data:), or undefined. */
export async function decodeImage(url: string): Promise<string | undefined> {
  const img = await new Promise<HTMLImageElement>((resolve, reject) => {
    const el = new Image();
    el.onload = () => resolve(el);
    el.onerror = () => reject(new Error('image'));
    el.src = url;
  });
  // Photos from phones are large: scale to at most 1600 px on the long side (plenty for a plate).
  const scale = Math.min(1, 1600 / Math.max(img.naturalWidth, img.naturalHeight));
  const w = Math.max(1, Math.round(img.naturalWidth * scale));
  const h = Math.max(1, Math.round(img.naturalHeight * scale));
  const canvas = document.createElement('canvas');
  canvas.width = w;
  canvas.height = h;
  const ctx = canvas.getContext('2d');
  if (!ctx) return undefined;
  ctx.drawImage(img, 0, 0, w, h);
  const data = ctx.getImageData(0, 0, w, h);
  return jsQR(data.data, w, h, { inversionAttempts: 'attemptBoth' })?.data;
}

/** A photo (camera or album) → the text of its QR code. */
export async function scanFromPhoto(): Promise<string | undefined> {
  const r = await Taro.chooseImage({ count: 1, sizeType: ['original'], sourceType: ['album', 'camera'] });
  const path = r.tempFilePaths[0];
  return path ? decodeImage(path) : undefined;
}

export const hasCamera = (): boolean =>
  typeof navigator !== 'undefined' && !!navigator.mediaDevices?.getUserMedia;

/**
 * Live camera scanning into a <video> element the page renders; resolves with the first code
 * read, or undefined when stopped. Returns a stop function too.
 */
export function scanFromCamera(video: HTMLVideoElement): {
  result: Promise<string | undefined>;
  stop: () => void;
} {
  let stopped = false;
  let stream: MediaStream | null = null;
  const stop = () => {
    stopped = true;
    for (const t of stream?.getTracks() ?? []) t.stop();
  };
  const result = (async () => {
    stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
    video.srcObject = stream;
    await video.play();
    const canvas = document.createElement('canvas');
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    while (!stopped && ctx) {
      await new Promise((r) => setTimeout(r, 200));
      if (!video.videoWidth) continue;
      canvas.width = video.videoWidth;
      canvas.height = video.videoHeight;
      ctx.drawImage(video, 0, 0);
      const code = jsQR(
        ctx.getImageData(0, 0, canvas.width, canvas.height).data,
        canvas.width,
        canvas.height,
      );
      if (code?.data) {
        stop();
        return code.data;
      }
    }
    return undefined;
  })();
  return { result, stop };
}

/** weapp-only entry kept for one import shape: on H5 the page offers camera and photo instead. */
export async function scanWithWeChat(): Promise<string | undefined> {
  return scanFromPhoto();
}

export const IS_H5 = true;
