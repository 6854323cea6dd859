import type { ErrorCode } from './errors';
import type { Role, TeamPosition } from './roles';
import type { KeyPopulationTag, StoredTag } from './tags';

/** Every user-facing error message, in Simplified Chinese, keyed by stable code (STYLE.md §15). */
export const ERROR_MESSAGES: Record<ErrorCode, string> = {
  BAD_INPUT: '输入有误，请检查后重试',
  UNKNOWN_ACTION: '不支持的操作',
  UNAUTHENTICATED: '请先登录',
  FORBIDDEN: '当前身份无权执行此操作',
  OUT_OF_SCOPE: '无权访问该居民或机构的数据',
  NOT_FOUND: '记录不存在',
  CONFLICT: '数据已被修改，请刷新后重试',
  INTERNAL: '系统繁忙，请稍后再试',
  ID_FORMAT: '身份证号应为18位，最后一位可为数字或X',
  ID_REGION: '身份证号的地区码无效',
  ID_DATE: '身份证号中的出生日期无效',
  ID_FUTURE: '身份证号中的出生日期晚于今天',
  ID_CHECKSUM: '身份证号校验位不正确，请核对',
  MOBILE_FORMAT: '请输入11位中国大陆手机号',
  IDENTITY_MISMATCH: '姓名与身份证号不一致',
  NOT_VERIFIED: '请先完成实名认证',
  ALREADY_VERIFIED: '已完成实名认证',
  FAMILY_LIMIT: '家庭成员数量已达上限',
  FAMILY_MEMBER_EXISTS: '该家庭成员已添加',
  FAMILY_MEMBER_NOT_FOUND: '未找到该家庭成员',
  CONSENT_REQUIRED: '请阅读并同意个人信息授权',
  STAFF_EXISTS: '该工作人员账号已存在',
  BIND_CODE_INVALID: '绑定码无效或已失效，请联系管理员重新获取',
  BIND_CODE_EXPIRED: '绑定码已过期，请联系管理员重新生成',
  BIND_ATTEMPTS_EXCEEDED: '绑定码输入错误次数过多，请1小时后再试',
  ID_ALREADY_REGISTERED: '该身份证号已被其他微信账号实名认证，如有疑问请联系社区卫生服务中心',
  RATE_LIMITED: '操作过于频繁，请稍后再试',
  TEAM_NOT_FOUND: '未找到该家庭医生团队',
  TEAM_FULL: '该团队签约人数已满，请选择其他团队',
  TEAM_LEADER_REQUIRED: '团队须有且只有一名全科医生担任团队长',
  OUT_OF_JURISDICTION: '只能选择本辖区基层医疗机构的团队',
  ALREADY_SIGNED: '已与家庭医生团队签约，同期只能选择1个团队',
  ALREADY_PENDING: '已有待确认的签约申请',
  NOT_SIGNED: '尚未签约家庭医生',
  CONTRACT_NOT_FOUND: '未找到该签约记录',
  ILLEGAL_TRANSITION: '当前签约状态不允许此操作',
  START_IN_PAST: '生效日期不能早于今天',
  START_TOO_LATE: '生效日期最多可选择1个月以内',
  NOT_YET_EXPIRED: '签约尚未到期',
  NOT_IN_RENEWAL_WINDOW: '当前不在续约期内',
  SAME_TEAM: '已签约该团队，无需更换',
  REASON_REQUIRED: '请填写原因',
  NOT_TEAM_LEADER: '只有团队长或机构管理员可以确认签约',
  PACKAGE_NOT_FOUND: '未找到该服务包',
  PACKAGE_NOT_ELIGIBLE: '该服务包不适用于此居民',
  BASIC_PACKAGE_REQUIRED: '必须选择且只能选择一个基础服务包',
  CONTRACT_EXISTS: '该居民已有待确认的签约申请，请勿重复提交',
  SIGNATURE_INVALID: '未找到有效的手写签名，请重新签名',
  SLOT_NOT_FOUND: '该时段不存在',
  SLOT_FULL: '该时段已约满',
  SLOT_IN_PAST: '该时段已过',
  ALREADY_BOOKED: '您已预约该时段',
  APPOINTMENT_NOT_FOUND: '未找到该预约',
  TOO_LATE_TO_CHANGE: '距就诊时间太近，无法取消或改约',
  SCHEDULE_OVERLAP: '排班时间重叠',
  HOME_VISIT_NOT_FOUND: '未找到该上门服务申请',
  SLOT_TOO_SOON: '距就诊时间太近，请选择稍晚的时段',
  SLOT_NOT_OPEN: '该时段尚未开放预约',
  BOOKING_RESTRICTED: '近期多次预约未到，暂停自助预约，请联系家庭医生团队',
  HOME_VISIT_NOT_ELIGIBLE: '上门服务仅面向老年人、残疾人和卧床居民',
  PRESCRIPTION_TOO_LONG: '长期处方用药量最多2个月',
  OUTREACH_DAYS_EXCEEDED: '家庭医生工作日每月最多安排2天',
};

/** Custom zod messages (the rest come from zod's zh-CN locale, see shared/api/zod.ts). */
export const VALIDATION_MESSAGES = {
  day: '日期格式应为 YYYY-MM-DD 且为真实日期',
  instant: '时间格式无效',
  id: '编号格式无效',
  name: '请输入2–30个字的姓名',
  reason: '请填写原因（1–200字）',
  fen: '金额应为非负整数（单位：分）',
  riskLevel: '严重精神障碍随访必须填写危险性评估等级（0–5级）',
  endBeforeStart: '结束时间不能早于开始时间',
  uniqueIds: '不能重复选择',
} as const;

/** Labels shown for key-population and condition tags. */
export const TAG_LABELS: Record<KeyPopulationTag | StoredTag, string> = {
  elderly: '老年人',
  child: '0–6岁儿童',
  maternal: '孕产妇',
  hypertension: '高血压患者',
  diabetes: '2型糖尿病患者',
  diabetes_high_risk: '糖尿病高危人群',
  severe_mental: '严重精神障碍患者',
  tuberculosis: '肺结核患者',
  hiv: '艾滋病患者',
  disabled: '残疾人',
  poverty: '建档立卡贫困人口',
  special_family: '计划生育特殊家庭',
  other_chronic: '其他慢性病患者',
};

/** Labels for roles and team positions. */
export const ROLE_LABELS: Record<Role | 'guest' | TeamPosition, string> = {
  guest: '访客',
  resident: '居民',
  doctor: '家庭医生',
  grid_worker: '网格员',
  institution_admin: '家医管家',
  district_admin: '区卫健委',
  chief_gp: '团队长（全科医生）',
  gp: '全科医生',
  public_health_doctor: '公卫医生',
  nurse: '护士',
  health_manager: '健康管理师',
  nutritionist: '营养师',
  psychologist: '心理咨询师',
  rehab_therapist: '康复治疗师',
  county_doctor: '县级医院医生',
};

/** Chinese message for a stable error code. */
export const messageFor = (code: ErrorCode): string => ERROR_MESSAGES[code];

/** Messages for appointment and schedule inputs. */
export const APPOINTMENT_MESSAGES = {
  clock: '时间格式应为 HH:mm',
  range: '查询范围最多31天，且结束日期不早于开始日期',
  weekday: '星期应为1–7',
  address: '请填写上门地址（5–100字）',
  slotMinutes: '每个号段时长应为5–240分钟',
  seats: '每个号段人数应为1–100',
  location: '地点最多40字',
  time: '请选择具体时间',
  validity: '排班有效期最长400天',
} as const;
