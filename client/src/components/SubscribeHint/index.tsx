import { SUBSCRIBE_TEMPLATES, type SubscribeTemplateKey } from '@shared/wx/subscribe-templates';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { askSubscribe } from '../../services/messages';

/**
 * The moment-of-need permission ask (after booking, after signing, when following a topic): one
 * line saying why, and a button that opens WeChat's subscribe dialog. Light on purpose: it sits on
 * main-package pages. On H5 it only states that reminders arrive in 消息.
 */
export function SubscribeHint({ template }: { template: SubscribeTemplateKey }) {
  const t = SUBSCRIBE_TEMPLATES[template];
  const [done, setDone] = useState(false);
  const weapp = process.env.TARO_ENV === 'weapp';
  return (
    <View className="jy-subhint">
      <Text className="jy-subhint__why">{t.reason}</Text>
      {weapp && !done ? (
        <View
          className="jy-subhint__btn"
          onClick={() => {
            void askSubscribe([template]).finally(() => setDone(true));
          }}
        >
          开启微信提醒
        </View>
      ) : (
        <Text className="jy-subhint__note">
          {done ? '已设置，提醒也会出现在“消息”中' : '提醒会出现在“我的 → 消息”中'}
        </Text>
      )}
    </View>
  );
}
