import { Input, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { regions as loadRegions } from '../../services/user';
import { FieldError } from './FieldError';

type Option = { regionId: string; name: string; level: string };
export type ResidenceValue = { regionId: string; address: string; placeName: string };

const LEVEL_LABEL: Record<string, string> = {
  district: '区',
  township: '街道/乡镇',
  village: '社区/村',
  grid: '网格（不清楚可不选）',
};

/**
 * 居住地: 区 → 街道/乡镇 → 社区/村 (→ 网格, optional) as rows of chips, then the street address.
 * Each level loads the children of the one chosen above it; a single choice is taken for the user
 * (a one-district deployment never asks for the district). The value names a village or grid.
 */
export function RegionPicker({
  value,
  onChange,
  errors = {},
  prefix = '',
}: {
  value: ResidenceValue;
  onChange: (v: ResidenceValue) => void;
  errors?: Record<string, string>;
  /** Field-path prefix of the contract, e.g. 'residence.' */
  prefix?: string;
}) {
  const [levels, setLevels] = useState<Option[][]>([]);
  const [chosen, setChosen] = useState<Option[]>([]);
  const [failed, setFailed] = useState('');

  const open = async (depth: number, parent: Option | undefined, path: Option[]) => {
    try {
      const r = await loadRegions(parent?.regionId);
      const options = r.regions;
      setLevels((cur) => [...cur.slice(0, depth), options]);
      // One district: choose it and go on to its townships.
      if (options.length === 1 && options[0]?.level === 'district') {
        const only = options[0];
        setChosen([only]);
        await open(depth + 1, only, [only]);
      } else setChosen(path);
    } catch (e) {
      setFailed((e as Error).message);
    }
  };
  useEffect(() => {
    void open(0, undefined, []);
  }, []);

  const choose = (depth: number, o: Option) => {
    const path = [...chosen.slice(0, depth), o];
    setChosen(path);
    setLevels((cur) => cur.slice(0, depth + 1));
    const picked = o.level === 'village' || o.level === 'grid' ? o.regionId : '';
    onChange({
      ...value,
      regionId: picked,
      placeName: path
        .filter((p) => p.level !== 'district')
        .map((p) => p.name)
        .join(' '),
    });
    if (o.level !== 'grid') void open(depth + 1, o, path);
  };

  return (
    <View className="jy-region" data-testid="region-picker">
      <View className="jy-field-label">居住地（用于匹配为您服务的家庭医生团队）</View>
      {levels.map((options, depth) =>
        options.length === 0 || (options.length === 1 && options[0]?.level === 'district') ? null : (
          <View key={options[0]?.regionId ?? depth} className="jy-region__level">
            <View className="jy-muted">{LEVEL_LABEL[options[0]?.level ?? ''] ?? ''}</View>
            <View className="jy-chips">
              {options.map((o) => (
                <View
                  key={o.regionId}
                  className={`jy-chip${chosen[depth]?.regionId === o.regionId ? ' jy-chip--on' : ''}`}
                  onClick={() => choose(depth, o)}
                >
                  {o.name}
                </View>
              ))}
            </View>
          </View>
        ),
      )}
      {value.placeName ? <View className="jy-ok">{`已选：${value.placeName}`}</View> : null}
      <FieldError message={errors[`${prefix}regionId`] || failed} />
      <Input
        className={`jy-input${errors[`${prefix}address`] ? ' jy-input--bad' : ''}`}
        placeholder="详细地址（如：解放路12号3单元）"
        value={value.address}
        maxlength={60}
        onInput={(e) => onChange({ ...value, address: e.detail.value })}
      />
      <FieldError message={errors[`${prefix}address`]} />
    </View>
  );
}
