import type { KeyPopulationTag } from '../constants/tags';

/**
 * Topic tags an article carries (POLICY.md: "targeted push by need, season and epidemic"). Each
 * topic names the key populations it is written for, so the feed can put a resident's own topics
 * first; seasonal topics name none (they concern everyone in season).
 */
export const TOPICS = [
  'hypertension',
  'diabetes',
  'maternal',
  'child',
  'elderly',
  'mental_health',
  'tuberculosis',
  'hiv',
  'disabled',
  'flu',
  'heat',
  'healthy_living',
] as const;
export type Topic = (typeof TOPICS)[number];

/** Key populations a topic is for (empty: everyone). */
export const TOPIC_POPULATIONS: Record<Topic, readonly KeyPopulationTag[]> = {
  hypertension: ['hypertension'],
  diabetes: ['diabetes', 'diabetes_high_risk'],
  maternal: ['maternal'],
  child: ['child'],
  elderly: ['elderly'],
  mental_health: ['severe_mental'],
  tuberculosis: ['tuberculosis'],
  hiv: ['hiv'],
  disabled: ['disabled'],
  flu: [],
  heat: [],
  healthy_living: [],
};

/** Chinese labels for topics. */
export const TOPIC_LABELS: Record<Topic, string> = {
  hypertension: '高血压',
  diabetes: '糖尿病',
  maternal: '孕产妇',
  child: '儿童健康',
  elderly: '老年健康',
  mental_health: '心理健康',
  tuberculosis: '肺结核',
  hiv: '艾滋病防治',
  disabled: '康复与残疾人',
  flu: '流感季节',
  heat: '防暑降温',
  healthy_living: '健康生活',
};

/** True when an article's topics concern a person with these key-population tags. */
export const topicsMatch = (topics: readonly Topic[], tags: readonly string[]): boolean =>
  topics.some((t) => TOPIC_POPULATIONS[t].some((p) => tags.includes(p)));
