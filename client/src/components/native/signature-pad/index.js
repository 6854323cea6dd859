// Native components run as written in older WeChat base libraries: ES2015 only, no optional chaining.
// Native handwritten-signature pad (Canvas 2D). Strokes are kept as data so undo/clear and the
// "enough ink" rule work even before the canvas node is ready; the image is exported only on
// confirm. Residents are often elderly: a signature needs some ink, not a perfect shape.
const MIN_INK_PX = 60; // total stroke length below this is a tap or a slip, not a signature
const LINE_WIDTH = 4;

function strokeLength(points) {
  let len = 0;
  for (let i = 1; i < points.length; i++) {
    len += Math.hypot(points[i].x - points[i - 1].x, points[i].y - points[i - 1].y);
  }
  return len;
}

function pointOf(e) {
  const t = (e.touches && e.touches[0]) || (e.changedTouches && e.changedTouches[0]) || {};
  return { x: t.x !== undefined ? t.x : t.clientX || 0, y: t.y !== undefined ? t.y : t.clientY || 0 };
}

Component({
  properties: {
    hint: { type: String, value: '请在此处用手指签名' },
    large: { type: Boolean, value: false },
  },
  data: { empty: true, enough: false },
  lifetimes: {
    created() {
      this.strokes = [];
      this.ctx = null;
      this.canvas = null;
    },
    ready() {
      // The canvas node is unavailable in some test and preview environments: drawing is then
      // skipped, while the stroke data (and so undo/clear/confirm rules) keep working.
      const query = this.createSelectorQuery && this.createSelectorQuery();
      if (!query || !query.select) return;
      query
        .select('#pad')
        .fields({ node: true, size: true })
        .exec((res) => {
          const info = res && res[0];
          if (!info || !info.node) return;
          const dpr = (wx.getWindowInfo ? wx.getWindowInfo().pixelRatio : 2) || 2;
          info.node.width = info.width * dpr;
          info.node.height = info.height * dpr;
          const ctx = info.node.getContext('2d');
          ctx.scale(dpr, dpr);
          ctx.lineWidth = LINE_WIDTH;
          ctx.lineCap = 'round';
          ctx.lineJoin = 'round';
          ctx.strokeStyle = '#111';
          this.canvas = info.node;
          this.ctx = ctx;
          this.redraw();
        });
    },
  },
  methods: {
    onStart(e) {
      this.strokes.push([pointOf(e)]);
      this.sync();
    },
    onMove(e) {
      const stroke = this.strokes[this.strokes.length - 1];
      if (!stroke) return;
      const p = pointOf(e);
      const last = stroke[stroke.length - 1];
      stroke.push(p);
      if (this.ctx) {
        this.ctx.beginPath();
        this.ctx.moveTo(last.x, last.y);
        this.ctx.lineTo(p.x, p.y);
        this.ctx.stroke();
      }
      this.sync();
    },
    onEnd() {
      this.sync();
    },
    undo() {
      this.strokes.pop();
      this.redraw();
      this.sync();
    },
    clear() {
      this.strokes = [];
      this.redraw();
      this.sync();
    },
    inkLength() {
      return this.strokes.reduce((n, s) => n + strokeLength(s), 0);
    },
    sync() {
      const empty = this.strokes.length === 0;
      const enough = this.inkLength() >= MIN_INK_PX;
      if (empty !== this.data.empty || enough !== this.data.enough) {
        this.setData({ empty, enough });
        this.triggerEvent('change', { empty, enough, strokes: this.strokes.length });
      }
    },
    redraw() {
      if (!this.ctx || !this.canvas) return;
      this.ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
      for (const s of this.strokes) {
        this.ctx.beginPath();
        for (let i = 0; i < s.length; i++) {
          if (i === 0) this.ctx.moveTo(s[i].x, s[i].y);
          else this.ctx.lineTo(s[i].x, s[i].y);
        }
        this.ctx.stroke();
      }
    },
    confirm() {
      if (this.inkLength() < MIN_INK_PX) {
        this.triggerEvent('error', { code: 'SIGNATURE_TOO_SHORT', message: '签名过短，请完整签写姓名' });
        return;
      }
      if (!this.canvas) {
        this.triggerEvent('error', { code: 'CANVAS_UNAVAILABLE', message: '签名板未就绪，请稍后重试' });
        return;
      }
      wx.canvasToTempFilePath({
        canvas: this.canvas,
        fileType: 'png',
        success: (r) =>
          this.triggerEvent('confirm', { tempFilePath: r.tempFilePath, strokes: this.strokes.length }),
        fail: () => this.triggerEvent('error', { code: 'EXPORT_FAILED', message: '签名保存失败，请重试' }),
      });
    },
  },
});
