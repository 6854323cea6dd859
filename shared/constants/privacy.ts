/**
 * The personal-information notice residents consent to (《个人信息保护法》 §14 and §29: separate
 * consent for sensitive personal information). The server records the version current at the
 * moment of consent; a new version means asking again, so never edit a published one in place —
 * add a new version and bump CURRENT_PRIVACY_VERSION.
 */
export type PrivacyNotice = { version: string; title: string; sections: { heading: string; body: string }[] };

export const PRIVACY_NOTICES: readonly PrivacyNotice[] = [
  {
    version: '2026-11-01',
    title: '家医签约个人信息处理告知书',
    sections: [
      {
        heading: '我们处理哪些信息',
        body: '姓名、身份证号、手机号，以及签约、随访、预约中产生的健康信息。身份证号和健康信息属于敏感个人信息。',
      },
      {
        heading: '为什么处理',
        body: '核验身份、为您和您代办的家庭成员签约家庭医生、安排预约和随访、向卫生健康部门报送签约服务数据。',
      },
      {
        heading: '如何保护',
        body: '身份证号和手机号加密存储，页面只显示部分号码；工作人员查看完整号码会被记录，仅限为您服务的团队和机构。',
      },
      {
        heading: '您的权利',
        body: '您可以随时在“我的”页面撤回同意。撤回后我们停止处理您的个人信息，已签约的服务需重新认证后才能继续。',
      },
    ],
  },
];

/** The version shown to and consented by new users. */
export const CURRENT_PRIVACY_VERSION = '2026-11-01';

/** The notice of a version (the current one when omitted). */
export const privacyNotice = (version: string = CURRENT_PRIVACY_VERSION): PrivacyNotice | undefined =>
  PRIVACY_NOTICES.find((n) => n.version === version);
