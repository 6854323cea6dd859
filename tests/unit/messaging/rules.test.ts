import { chooseChannel, retryAt } from '@shared/messaging/channels';
import { fitValue, templateData } from '@shared/messaging/fit';
import { SUBSCRIBE_TEMPLATES } from '@shared/wx/subscribe-templates';

describe('fitting values to WeChat keyword limits', () => {
  it.each([
    ['thing', '东门社区卫生服务站二楼全科诊室三号房间靠窗', '东门社区卫生服务站二楼全科诊室三号房间…'],
    ['thing', '短', '短'],
    ['thing', '', '无'],
    ['name', '欧阳娜娜娜娜娜娜娜娜娜', '欧阳娜娜娜娜娜娜娜娜'],
    ['phrase', '已经确认完成了', '已经确认完'],
    ['number', '第 12 号', '12'],
    ['character_string', 'AB-12 中文', 'AB-12'],
    ['time', '2026-11-26 09:00', '2026-11-26 09:00'],
    ['time', '明天上午', '-'],
    ['date', '2026-11-26', '2026-11-26'],
    ['phone_number', '138 0000 1111', '13800001111'],
    ['thing', '换行\n不行', '换行 不行'],
  ])('%s %j → %j', (type, raw, want) => {
    expect(fitValue(type, raw)).toBe(want);
    if (type === 'thing') expect([...fitValue(type, raw)].length).toBeLessThanOrEqual(20);
  });

  it('maps meaning-named values onto the template fields, every field present', () => {
    const d = templateData(SUBSCRIBE_TEMPLATES.appointmentReminder, {
      resident: '张三',
      time: '2026-11-26 09:00',
      place: '东门社区卫生服务站',
    });
    expect(d).toEqual({
      name1: { value: '张三' },
      time2: { value: '2026-11-26 09:00' },
      thing3: { value: '东门社区卫生服务站' },
      thing4: { value: '无' },
    });
  });
});

describe('channel rule', () => {
  const base = {
    kind: 'appointment.reminder',
    hasTemplate: true,
    hasOpenid: true,
    credit: 'once' as const,
    smsConfigured: true,
    hasMobile: true,
  };
  it('subscribe when a credit allows, else SMS for kinds worth a text, else in-app alone', () => {
    expect(chooseChannel(base).channel).toBe('subscribe');
    expect(chooseChannel({ ...base, credit: 'long' }).reason).toBe('long-term subscription');
    expect(chooseChannel({ ...base, credit: 'none' })).toEqual({ channel: 'sms', reason: 'no credit; sms' });
    expect(chooseChannel({ ...base, credit: 'none', hasMobile: false }).channel).toBe('inapp');
    expect(chooseChannel({ ...base, credit: 'none', smsConfigured: false }).channel).toBe('inapp');
    expect(chooseChannel({ ...base, kind: 'education.push', credit: 'none' }).channel).toBe('inapp');
    expect(chooseChannel({ ...base, failed: ['subscribe'] })).toEqual({
      channel: 'sms',
      reason: 'subscribe failed; sms',
    });
    expect(chooseChannel({ ...base, failed: ['subscribe', 'sms'] }).channel).toBe('inapp');
  });

  it('retries with growing back-off, then dead-letters', () => {
    const now = new Date('2026-11-25T00:00:00Z');
    expect(retryAt(1, now)?.getTime()).toBe(now.getTime() + 60_000);
    expect(retryAt(2, now)?.getTime()).toBe(now.getTime() + 300_000);
    expect(retryAt(5, now)).toBeNull();
  });
});
