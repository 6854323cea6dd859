import { Button } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import { useCallback, useEffect, useRef, useState } from 'react';
import { zhContract } from '../../i18n/contract';
import { MIN_INK_PX, type SignaturePadProps } from './types';

type Point = { x: number; y: number };

const inkOf = (strokes: Point[][]) =>
  strokes.reduce((n, s) => {
    let len = 0;
    s.forEach((p, i) => {
      const q = s[i - 1];
      if (q) len += Math.hypot(p.x - q.x, p.y - q.y);
    });
    return n + len;
  }, 0);

/**
 * H5 signature pad on an HTML canvas with the same rules as the native weapp pad: undo, clear,
 * at least MIN_INK_PX of ink, exported as a PNG data URL on confirm. Pointer events cover mouse,
 * pen and touch alike.
 */
export function SignaturePad({ onConfirm, onError, hint, large, busy }: SignaturePadProps) {
  const canvas = useRef<HTMLCanvasElement | null>(null);
  const strokes = useRef<Point[][]>([]);
  const drawing = useRef(false);
  const [ink, setInk] = useState(0);
  const [count, setCount] = useState(0);

  const redraw = useCallback(() => {
    const c = canvas.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx) return;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, c.width, c.height);
    const scale = c.width / (c.clientWidth || c.width);
    ctx.setTransform(scale, 0, 0, scale, 0, 0);
    ctx.lineWidth = 4;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.strokeStyle = '#111';
    for (const s of strokes.current) {
      ctx.beginPath();
      s.forEach((p, i) => {
        if (i === 0) ctx.moveTo(p.x, p.y);
        else ctx.lineTo(p.x, p.y);
      });
      ctx.stroke();
    }
  }, []);

  useEffect(() => {
    const c = canvas.current;
    if (!c) return;
    const dpr = window.devicePixelRatio || 1;
    c.width = Math.round((c.clientWidth || 320) * dpr);
    c.height = Math.round((c.clientHeight || 200) * dpr);
    redraw();
  }, [redraw]);

  const sync = () => {
    setInk(inkOf(strokes.current));
    setCount(strokes.current.length);
    redraw();
  };
  const at = (e: React.PointerEvent<HTMLCanvasElement>): Point => {
    const r = e.currentTarget.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  };
  const down = (e: React.PointerEvent<HTMLCanvasElement>) => {
    drawing.current = true;
    e.currentTarget.setPointerCapture?.(e.pointerId);
    strokes.current.push([at(e)]);
    sync();
  };
  const move = (e: React.PointerEvent<HTMLCanvasElement>) => {
    if (!drawing.current) return;
    strokes.current[strokes.current.length - 1]?.push(at(e));
    sync();
  };
  const up = () => {
    drawing.current = false;
  };
  const undo = () => {
    strokes.current.pop();
    sync();
  };
  const clear = () => {
    strokes.current = [];
    sync();
  };
  const confirm = () => {
    if (strokes.current.length === 0) {
      onError?.(zhContract.signature.empty);
      return;
    }
    if (inkOf(strokes.current) < MIN_INK_PX) {
      onError?.(zhContract.signature.tooShort);
      return;
    }
    const c = canvas.current;
    if (!c) return onError?.(zhContract.signature.notReady);
    onConfirm(c.toDataURL('image/png'));
  };
  void ink;
  return (
    <View className={`jy-sigpad${large ? ' jy-sigpad--large' : ''}`}>
      <View className="jy-sigpad__box">
        <canvas
          ref={canvas}
          className="jy-sigpad__canvas"
          data-testid="signature-canvas"
          aria-label={zhContract.signature.canvasLabel}
          style={{ width: '100%', height: large ? 260 : 200, touchAction: 'none', display: 'block' }}
          onPointerDown={down}
          onPointerMove={move}
          onPointerUp={up}
          onPointerLeave={up}
          onPointerCancel={up}
        />
        {count === 0 ? <View className="jy-sigpad__hint">{hint ?? zhContract.signature.hint}</View> : null}
      </View>
      <View className="jy-sigpad__actions">
        <Button size="large" disabled={count === 0} onClick={undo}>
          {zhContract.signature.undo}
        </Button>
        <Button size="large" disabled={count === 0} onClick={clear}>
          {zhContract.signature.clear}
        </Button>
        {/* Never disabled: a tap on an empty pad says what is missing instead of doing nothing. */}
        <Button size="large" type="primary" disabled={busy} loading={busy} onClick={confirm}>
          {zhContract.signature.confirm}
        </Button>
      </View>
    </View>
  );
}
