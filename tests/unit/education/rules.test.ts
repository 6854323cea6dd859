import {
  audienceNarrowing,
  checkLiveDuration,
  decidePush,
  EDUCATION_CONFIG,
  inSeason,
  isInternalLink,
  matchesAudience,
  sanitizeBody,
  sanitizeText,
  weeklyCounterId,
  ZAudienceRule,
} from '../../../shared/education';

describe('sanitizeText', () => {
  it.each([
    ['正文<script>alert(1)</script>结束', '正文结束'],
    ['<SCRIPT type="x">a()</SCRIPT>好', '好'],
    ['<p>段落<b>加粗</b></p>', '段落加粗'],
    ['<img src=x onerror=alert(1)>图', '图'],
    ['看 https://evil.example.com/x?a=1 这里', '看 这里'],
    ['点 javascript:alert(1)', '点 alert(1)'],
    ['<style>p{}</style><iframe src="x"></iframe>干净', '干净'],
    ['收缩压<140 舒张压<90', '收缩压<140 舒张压<90'],
  ])('%s → %s', (raw, clean) => expect(sanitizeText(raw)).toBe(clean));
});

describe('sanitizeBody', () => {
  it('keeps internal links, turns foreign ones into text and drops emptied blocks', () => {
    expect(
      sanitizeBody([
        { type: 'link', text: '预约', href: '/pages/booking/index' },
        { type: 'link', text: '外链', href: 'https://example.com' },
        { type: 'paragraph', text: '<script>x()</script>' },
        { type: 'list', ordered: false, items: ['<b>一</b>', '<script></script>'] },
      ]),
    ).toEqual([
      { type: 'link', text: '预约', href: '/pages/booking/index' },
      { type: 'paragraph', text: '外链' },
      { type: 'list', ordered: false, items: ['一'] },
    ]);
    expect(isInternalLink('//evil.example.com/pages/x')).toBe(false);
  });
});

describe('audience rules', () => {
  const rule = (r: object) => ZAudienceRule.parse(r);
  it('season windows, including one wrapping the new year (both edges)', () => {
    const flu = { from: '12-01', to: '02-28' };
    expect(inSeason(flu, '2026-11-30')).toBe(false);
    expect(inSeason(flu, '2026-12-01')).toBe(true);
    expect(inSeason(flu, '2027-02-28')).toBe(true);
    expect(inSeason(flu, '2027-03-01')).toBe(false);
    expect(inSeason({ from: '06-01', to: '08-31' }, '2026-08-31')).toBe(true);
  });
  it('age band edges: 65 on the birthday, not the day before', () => {
    const p = { _id: 'r', birthDate: '1961-11-25', sex: 'male' as const };
    expect(matchesAudience(p, rule({ tags: ['elderly'] }), '2026-11-25')).toBe(true);
    expect(matchesAudience(p, rule({ tags: ['elderly'] }), '2026-11-24')).toBe(false);
    expect(matchesAudience(p, rule({ ageMax: 64 }), '2026-11-24')).toBe(true);
  });
  it('narrowing is a superset of the exact rule', () => {
    const n = audienceNarrowing(rule({ ageMin: 65, ageMax: 70 }), '2026-11-25');
    expect(n.bornTo! >= '1961-11-25').toBe(true);
    expect(n.bornFrom! <= '1955-11-26').toBe(true);
    expect(audienceNarrowing(rule({ tags: ['hypertension'] }), '2026-11-25').storedTags).toEqual([
      'hypertension',
    ]);
    expect(
      audienceNarrowing(rule({ tags: ['hypertension', 'elderly'] }), '2026-11-25').storedTags,
    ).toBeUndefined();
  });
  it('refuses a team rule for unsigned residents and an inverted age band', () => {
    expect(ZAudienceRule.safeParse({ teamId: 't1', signed: 'unsigned' }).success).toBe(false);
    expect(ZAudienceRule.safeParse({ ageMin: 70, ageMax: 60 }).success).toBe(false);
  });
});

describe('push decisions', () => {
  it('never twice, at most N a week', () => {
    const cap = EDUCATION_CONFIG.maxPushesPerWeek;
    expect(decidePush(true, 0, cap)).toBe('already_pushed');
    expect(decidePush(false, cap - 1, cap)).toBe('delivered');
    expect(decidePush(false, cap, cap)).toBe('weekly_cap');
  });
  it('the weekly counter is per Shanghai Monday-to-Sunday week', () => {
    expect(weeklyCounterId('r1', '2026-11-23')).toBe('r1__W2026-11-23');
    expect(weeklyCounterId('r1', '2026-11-29')).toBe('r1__W2026-11-23');
    expect(weeklyCounterId('r1', '2026-11-30')).toBe('r1__W2026-11-30');
  });
  it('live sessions: 29 refused, 30 accepted', () => {
    expect(checkLiveDuration(29, EDUCATION_CONFIG)).toBe('too_short');
    expect(checkLiveDuration(30, EDUCATION_CONFIG)).toBe('ok');
    expect(checkLiveDuration(241, EDUCATION_CONFIG)).toBe('too_long');
  });
});
