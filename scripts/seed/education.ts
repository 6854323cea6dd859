// Seed library of health-education articles, written for this project in plain Chinese for
// residents (one or more per key population, plus seasonal flu and heat). They are approved,
// district-wide (`library: true`) and carry no images, so a fresh data folder needs no storage.
// Content follows the national basic public-health service guidance in everyday words; it is
// general advice, and every article sends the reader back to their family doctor.
import { COLLECTIONS } from '../../shared/constants/collections';
import type { ArticleDoc } from '../../shared/db/schemas/articles';
import type { LiveSessionDoc } from '../../shared/db/schemas/liveSessions';
import { DEMO_DISTRICT_ID } from '../../shared/demo/identities';
import type { TBlock } from '../../shared/education/body';
import type { Topic } from '../../shared/education/topics';

type Seed = { _id: string; title: string; summary: string; topics: Topic[]; body: TBlock[] };

const h = (text: string): TBlock => ({ type: 'heading', text });
const p = (text: string): TBlock => ({ type: 'paragraph', text });
const ul = (...items: string[]): TBlock => ({ type: 'list', ordered: false, items });
const ol = (...items: string[]): TBlock => ({ type: 'list', ordered: true, items });

export const SEED_ARTICLES: Seed[] = [
  {
    _id: 'art-seed-hypertension',
    title: '高血压：在家量血压的正确方法',
    summary: '家庭自测血压比偶尔去医院测一次更能反映真实水平，学会正确测量，复诊时带上记录。',
    topics: ['hypertension', 'elderly'],
    body: [
      h('什么时候测'),
      p(
        '刚开始服药或调整药物时，连续7天每天早晚各测一次；血压稳定后，每周测1～2天即可。早上在起床后1小时内、服药和早饭前测，晚上在睡前测。',
      ),
      h('怎么测才准'),
      ol(
        '测量前30分钟不吸烟、不喝咖啡和浓茶，排空小便。',
        '坐在有靠背的椅子上安静休息5分钟，双脚平放，不要说话。',
        '袖带下缘在肘窝上方2～3厘米，松紧以能插入一指为宜，与心脏同高。',
        '每次连测2遍，间隔1分钟，取平均值记下来。',
      ),
      h('家里的血压多少算高'),
      p(
        '家庭自测血压达到或超过135/85毫米汞柱，就相当于诊室血压140/90毫米汞柱。多数患者的控制目标是低于140/90，能耐受的话可以更低，具体目标请听家庭医生的。',
      ),
      h('这些情况马上就医'),
      ul(
        '血压超过180/110，并伴有剧烈头痛、胸痛、气短',
        '说话不清、一侧手脚无力、口角歪斜',
        '视物模糊或突然看不清',
      ),
      p('不要自行停药或加药。每次随访时把血压记录本带给家庭医生，医生会据此调整方案。'),
    ],
  },
  {
    _id: 'art-seed-diabetes',
    title: '糖尿病：管住血糖的“五驾马车”',
    summary: '饮食、运动、药物、监测和学习五方面一起抓，才能让血糖长期平稳，减少并发症。',
    topics: ['diabetes'],
    body: [
      h('饮食：定时定量，粗细搭配'),
      ul(
        '主食定量，一半换成杂粮杂豆',
        '每天蔬菜一斤，水果放在两餐之间、少量吃',
        '少油少盐，不喝含糖饮料，限制饮酒',
      ),
      h('运动：每周至少150分钟'),
      p(
        '饭后1小时左右快走、打太极拳等中等强度运动，每次30分钟左右。运动时带上糖果，出现心慌、出冷汗、手抖等低血糖表现时立即吃下并休息。',
      ),
      h('监测：心中有数'),
      p(
        '按医生要求测空腹和餐后2小时血糖，一般空腹控制在4.4～7.0毫摩尔/升。签约居民每年可在家庭医生处免费测4次空腹血糖，并接受至少4次面对面随访。',
      ),
      h('保护双脚'),
      ol('每天用温水洗脚，水温先用手肘试', '检查有无破皮、水泡、颜色变化', '穿宽松软底鞋，不赤脚走路'),
      p('连续两次血糖不达标，或出现视力下降、脚麻、尿中泡沫多，请及时联系家庭医生，必要时转诊。'),
    ],
  },
  {
    _id: 'art-seed-maternal',
    title: '孕期检查时间表：这几次产检别落下',
    summary: '怀孕后尽早到社区卫生服务中心建册，按时产检；产后42天内还有家庭访视和健康检查。',
    topics: ['maternal'],
    body: [
      h('尽早建册'),
      p(
        '确认怀孕后，在孕13周前到户籍或居住地的社区卫生服务中心、乡镇卫生院建立《母子健康手册》，做第一次产前检查。',
      ),
      h('产检节点'),
      ul(
        '孕13周前：建册和第1次检查',
        '孕16～20周、21～24周：各检查1次',
        '孕28～36周：每2周1次',
        '孕37周以后：每周1次，直到分娩',
      ),
      h('这些情况立即就医'),
      ul('阴道流血或流液', '剧烈腹痛、头痛、眼花', '胎动明显减少或消失', '手脚、脸部突然水肿'),
      h('产后'),
      p(
        '出院后1周内，家庭医生团队会上门访视妈妈和宝宝；产后42天到医院做健康检查。产后情绪低落持续两周以上，请告诉医生，这不是“矫情”，可以得到帮助。',
      ),
    ],
  },
  {
    _id: 'art-seed-child',
    title: '0～6岁儿童：按时体检和接种疫苗',
    summary: '宝宝的体检和疫苗都有时间表，按时完成，成长问题早发现、早处理。',
    topics: ['child'],
    body: [
      h('免费健康检查'),
      p(
        '宝宝满月、3、6、8、12、18、24、30、36月龄各检查1次，3岁以后每年1次，检查身高体重、发育、视力、听力和口腔。',
      ),
      h('预防接种'),
      p(
        '带上预防接种证，按接种门诊通知的时间接种。接种后在现场观察30分钟；发热低于38.5℃多可自行缓解，持续高热或精神差要及时就医。',
      ),
      h('家长日常要做到'),
      ul(
        '6个月内纯母乳喂养，6个月起逐步添加辅食',
        '每天户外活动，2岁以下不看屏幕',
        '药品、热水、电源插座放在孩子够不到的地方',
        '乘车使用儿童安全座椅',
      ),
      p('孩子发育比同龄人明显落后、不会追视、叫名字没有反应等，请在体检时告诉医生。'),
    ],
  },
  {
    _id: 'art-seed-elderly',
    title: '65岁以上老人：每年一次免费体检，防跌倒最重要',
    summary: '老年人每年可享受一次免费健康体检；跌倒是老人受伤的首要原因，家里做好这几件事。',
    topics: ['elderly'],
    body: [
      h('每年一次免费体检'),
      p(
        '65岁及以上常住居民，每年可在社区卫生服务中心或乡镇卫生院免费体检一次，包括血压、血糖、血脂、肝肾功能、心电图、B超等，并有生活方式和健康状况评估。',
      ),
      h('在家防跌倒'),
      ul(
        '地面保持干燥，浴室铺防滑垫、装扶手',
        '夜里起床先坐一会儿再站起，床边留一盏小夜灯',
        '穿合脚、防滑的鞋，不穿拖鞋走远路',
        '常用物品放在伸手可及的位置，不登高取物',
      ),
      h('吃药要当心'),
      p(
        '同时吃多种药的老人，请把所有药（包括保健品）带给家庭医生看一看，避免重复用药；降压药、安眠药可能让人头晕，起身要慢。',
      ),
    ],
  },
  {
    _id: 'art-seed-mental',
    title: '心理健康：家人出现这些变化要重视',
    summary: '严重精神障碍可以治疗和管理，坚持服药、定期随访，家人的理解和陪伴很重要。',
    topics: ['mental_health'],
    body: [
      h('坚持服药是关键'),
      p('病情稳定后也不能自行停药或减药，停药是复发最常见的原因。有副作用请告诉医生调整，不要自己停。'),
      h('复发的早期信号'),
      ul('睡不好、坐立不安', '变得多疑、孤僻或易怒', '自言自语，说别人听不懂的话', '不愿吃药、不愿见医生'),
      h('家人可以做什么'),
      p(
        '多倾听、少指责，帮助患者规律作息、按时吃药。家庭医生团队每年至少随访4次并做危险性评估。出现伤人、自伤的苗头，立即拨打110或120，并通知家庭医生和村（居）委会。',
      ),
      p('心理援助热线：拨打12356（全国统一心理援助热线），有人倾听。'),
    ],
  },
  {
    _id: 'art-seed-tb',
    title: '肺结核：咳嗽咳痰两周以上要查一查',
    summary: '肺结核可防可治，早发现、规范全程服药就能治好；国家对肺结核检查和治疗有减免政策。',
    topics: ['tuberculosis'],
    body: [
      h('可疑症状'),
      p('咳嗽、咳痰两周以上，或痰中带血，常伴有低热、盗汗、乏力、消瘦，应到结核病定点医院检查。'),
      h('规范治疗'),
      ul(
        '按医嘱全程服药，一般需6个月以上',
        '不漏服、不自行停药，否则容易产生耐药',
        '定期复查痰和胸片',
        '家庭医生会定期随访，督促服药',
      ),
      h('保护家人'),
      p('咳嗽、打喷嚏时用纸巾捂住口鼻，不随地吐痰，房间常开窗通风。密切接触者请到医院做筛查。'),
    ],
  },
  {
    _id: 'art-seed-flu',
    title: '流感季：接种疫苗，勤洗手，发热早就医',
    summary:
      '每年秋冬是流感高发季，老人、儿童、慢性病患者和孕妇感染后容易出现重症，接种疫苗是最有效的预防方法。',
    topics: ['flu', 'elderly', 'child'],
    body: [
      h('接种流感疫苗'),
      p(
        '最好在10月底前完成接种，流行季中任何时候接种也有保护作用。60岁以上老人、6月龄至5岁儿童、慢性病患者、孕妇和医务人员优先接种。',
      ),
      h('日常防护'),
      ul(
        '勤洗手，用流动水和肥皂洗20秒',
        '咳嗽、打喷嚏时用纸巾或手肘遮挡',
        '流行期间少去人群密集场所，必要时戴口罩',
        '室内每天开窗通风',
      ),
      h('出现症状'),
      p(
        '突然高热、头痛、全身酸痛、乏力，应尽早就医，发病48小时内使用抗病毒药物效果最好。老人和孩子出现呼吸急促、精神差、持续高热，要立即就医。',
      ),
    ],
  },
  {
    _id: 'art-seed-heat',
    title: '防暑降温：高温天气这样保护自己',
    summary: '老人、儿童、慢性病患者和户外劳动者是中暑的高危人群，高温天气要主动防护。',
    topics: ['heat', 'elderly'],
    body: [
      h('预防中暑'),
      ul(
        '少量多次喝水，不要等口渴才喝',
        '上午10点到下午4点尽量不外出',
        '外出戴遮阳帽、穿浅色透气衣服',
        '室内温度保持在26℃左右，老人不要怕费电不开空调',
      ),
      h('中暑了怎么办'),
      ol(
        '立即转移到阴凉通风处，平躺休息',
        '解开衣扣，用湿毛巾擦身降温',
        '清醒者可喝些淡盐水或含盐饮料',
        '出现高热、意识不清、抽搐，立即拨打120',
      ),
      p('高血压、糖尿病患者在高温天要注意按时服药、监测血压血糖，有不适及时联系家庭医生。'),
    ],
  },
];

/** The seed articles as stored: approved, district-wide library of 城关 (inst-cg). */
export function educationArticles(now: Date): ArticleDoc[] {
  return SEED_ARTICLES.map((a, i) => ({
    ...a,
    status: 'approved',
    authorStaffId: 'st-adm-cg',
    authorName: '城关街道社区卫生服务中心',
    institutionId: 'inst-cg',
    districtId: DEMO_DISTRICT_ID,
    library: true,
    // Newest first in the feed follows this order.
    createdAt: now,
    updatedAt: now,
    submittedAt: now,
    reviewedAt: new Date(now.getTime() - i * 60_000),
    reviewerStaffId: 'st-adm-cg',
  }));
}

/** One upcoming weekly live session (next Thursday 19:30 Shanghai), 45 minutes on 视频号. */
export function educationLive(now: Date): LiveSessionDoc[] {
  const sh = new Date(now.getTime() + 8 * 3600_000);
  const daysToThu = (4 - sh.getUTCDay() + 7) % 7 || 7;
  const day = new Date(Date.UTC(sh.getUTCFullYear(), sh.getUTCMonth(), sh.getUTCDate() + daysToThu, 11, 30));
  return [
    {
      _id: 'live-seed-weekly',
      institutionId: 'inst-cg',
      districtId: DEMO_DISTRICT_ID,
      title: '冬季心脑血管病预防',
      speaker: '城关街道社区卫生服务中心 王建国',
      startsAt: day,
      durationMinutes: 45,
      channel: 'channels',
      channelRef: 'sphDemoHealth',
      topics: ['hypertension', 'elderly'],
      registrations: 0,
      questions: 0,
      createdByStaffId: 'st-adm-cg',
      createdAt: now,
    },
  ];
}

/** Seed entry: collections and documents. */
export function demoEducation(now: Date): { collection: string; docs: { _id: string }[] }[] {
  return [
    { collection: COLLECTIONS.articles, docs: educationArticles(now) },
    { collection: COLLECTIONS.liveSessions, docs: educationLive(now) },
  ];
}
