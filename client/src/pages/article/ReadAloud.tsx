import { Button } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { eduZh as t } from '../../i18n/education';

/**
 * Read-aloud for the elderly. H5: the browser's speech synthesis (zh-CN). weapp: the phone's own
 * screen reader (TalkBack / VoiceOver, which WeChat supports) — the body is plain native text, so
 * it reads without a plugin, a network round-trip or an account-level plugin approval; the button
 * explains how to turn it on (docs/education.md says why this over the 同声传译 plugin).
 */
export function ReadAloud({ text }: { text: string }) {
  const [speaking, setSpeaking] = useState(false);
  const synth =
    process.env.TARO_ENV === 'h5' && typeof window !== 'undefined' ? window.speechSynthesis : undefined;
  useEffect(() => () => synth?.cancel(), [synth]);
  const toggle = () => {
    if (process.env.TARO_ENV !== 'h5') {
      Taro.showModal({ title: t.reader.weappReaderTitle, content: t.reader.weappReader, showCancel: false });
      return;
    }
    if (!synth || typeof SpeechSynthesisUtterance === 'undefined') {
      Taro.showToast({ title: t.reader.noSpeech, icon: 'none' });
      return;
    }
    if (speaking) {
      synth.cancel();
      setSpeaking(false);
      return;
    }
    const u = new SpeechSynthesisUtterance(text);
    u.lang = 'zh-CN';
    u.rate = 0.9;
    u.onend = () => setSpeaking(false);
    u.onerror = () => setSpeaking(false);
    synth.speak(u);
    setSpeaking(true);
  };
  return (
    <Button className="edu-read-aloud" size="mini" onClick={toggle} data-testid="read-aloud">
      {speaking ? t.reader.stop : t.reader.readAloud}
    </Button>
  );
}
