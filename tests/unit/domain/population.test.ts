import { parseWith } from '@shared/api/zod';
import { KEY_POPULATION_TAGS, STORED_TAGS } from '@shared/constants/tags';
import {
  DEFAULT_POPULATION_CONFIG,
  keyPopulationsAt,
  type TPopulationFacts,
  ZPopulationConfig,
  ZPopulationFacts,
} from '@shared/population';

const person = (over: Partial<TPopulationFacts> = {}): TPopulationFacts => ({
  _id: 'r1',
  birthDate: '1990-06-15',
  sex: 'female',
  tags: [],
  pregnancies: [],
  ...over,
});
const SIXTY = ZPopulationConfig.parse({ elderlyMinAge: 60 });

describe('POLICY key populations: every tag', () => {
  it('every stored key-population tag is reported as such on any day', () => {
    for (const tag of STORED_TAGS) {
      const tags = keyPopulationsAt(person({ tags: [tag] }), '2026-11-25');
      expect(tags).toEqual(tag === 'other_chronic' ? [] : [tag]);
    }
  });

  it('the tag list covers every POLICY row (elderly … special_family)', () => {
    expect([...KEY_POPULATION_TAGS].sort()).toEqual(
      [
        'child',
        'diabetes',
        'diabetes_high_risk',
        'disabled',
        'elderly',
        'hiv',
        'hypertension',
        'maternal',
        'poverty',
        'severe_mental',
        'special_family',
        'tuberculosis',
      ].sort(),
    );
  });
});

describe('POLICY 003/000 elderly ≥ 65 (configurable to 60)', () => {
  const born = person({ birthDate: '1961-11-25' });
  it.each([
    ['day before 65th birthday', '2026-11-24', DEFAULT_POPULATION_CONFIG, false],
    ['65th birthday', '2026-11-25', DEFAULT_POPULATION_CONFIG, true],
    ['day after', '2026-11-26', DEFAULT_POPULATION_CONFIG, true],
    ['day before 60th birthday, county at 60', '2021-11-24', SIXTY, false],
    ['60th birthday, county at 60', '2021-11-25', SIXTY, true],
    ['60th birthday, national 65', '2021-11-25', DEFAULT_POPULATION_CONFIG, false],
  ])('%s → elderly %s', (_l, day, cfg, expected) => {
    expect(keyPopulationsAt(born, day, cfg).includes('elderly')).toBe(expected);
  });

  it('is derived, never stored: the schema rejects age tags in stored tags, in Chinese', () => {
    const r = parseWith(ZPopulationFacts, { ...person(), tags: ['elderly'] });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues[0]?.path).toBe('tags.0');
      expect(r.issues[0]?.message).toMatch(/[\u4e00-\u9fa5]/);
    }
  });
});

describe('POLICY 000/003 child 0–6', () => {
  const born = person({ birthDate: '2020-03-01' });
  it.each([
    ['day before birth', '2020-02-29', false],
    ['birth day', '2020-03-01', true],
    ['last day aged 6', '2027-02-28', true],
    ['7th birthday', '2027-03-01', false],
  ])('%s → child %s', (_l, day, expected) => {
    expect(keyPopulationsAt(born, day).includes('child')).toBe(expected);
  });
});

describe('POLICY 000/002/003 maternal: pregnant and postpartum', () => {
  const mother = person({ pregnancies: [{ registeredOn: '2026-03-10', deliveredOn: '2026-10-01' }] });
  it.each([
    ['day before registration', '2026-03-09', false],
    ['registration day', '2026-03-10', true],
    ['delivery day', '2026-10-01', true],
    ['postpartum day 42', '2026-11-12', true],
    ['postpartum day 43', '2026-11-13', false],
  ])('%s → maternal %s', (_l, day, expected) => {
    expect(keyPopulationsAt(mother, day).includes('maternal')).toBe(expected);
  });

  it('an ongoing pregnancy counts until delivery is recorded', () => {
    expect(
      keyPopulationsAt(person({ pregnancies: [{ registeredOn: '2026-05-01' }] }), '2027-06-01'),
    ).toContain('maternal');
  });

  it('rejects a delivery before registration with a Chinese field issue', () => {
    const r = parseWith(ZPopulationFacts, {
      ...person(),
      pregnancies: [{ registeredOn: '2026-05-01', deliveredOn: '2026-04-01' }],
    });
    expect(r.ok ? [] : r.issues.map((i) => i.path)).toEqual(['pregnancies.0.deliveredOn']);
  });
});

describe('combined tags at a date', () => {
  it('a hypertensive born 1960-05-01 becomes elderly on 2025-05-01', () => {
    const p = person({ birthDate: '1960-05-01', sex: 'male', tags: ['hypertension', 'poverty'] });
    expect(keyPopulationsAt(p, '2025-04-30')).toEqual(['hypertension', 'poverty']);
    expect(keyPopulationsAt(p, '2025-05-01')).toEqual(['elderly', 'hypertension', 'poverty']);
  });

  it('region config is validated with Chinese messages', () => {
    const r = parseWith(ZPopulationConfig, { elderlyMinAge: 'sixty' });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.issues[0]).toMatchObject({
        path: 'elderlyMinAge',
        message: expect.stringMatching(/[\u4e00-\u9fa5]/),
      });
  });
});
