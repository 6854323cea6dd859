// Native WeChat component (compiled as-is on weapp): a status pill whose colour is never the only
// signal — the label is always spoken and shown, which matters for colour-blind and elderly users.
const TONES = ['ok', 'warn', 'bad', 'idle'];

Component({
  properties: {
    label: { type: String, value: '' },
    tone: { type: String, value: 'idle' },
    large: { type: Boolean, value: false },
  },
  observers: {
    tone(tone) {
      // Unknown tones fall back to neutral instead of rendering an unstyled pill.
      if (!TONES.includes(tone)) this.setData({ tone: 'idle' });
    },
  },
});
