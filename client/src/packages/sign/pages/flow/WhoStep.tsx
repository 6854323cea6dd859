import { View } from '@tarojs/components';
import { zhContract } from '../../../../i18n/contract';
import { relationLabel } from '../../../../i18n/zh';

export type Person = { residentId: string; name: string; maskedIdNumber: string; relation: string };
const t = zhContract.flow;

/** Step 1: myself or a registered family member. */
export function WhoStep({
  people,
  chosen,
  onChoose,
}: {
  people: Person[];
  chosen?: string;
  onChoose: (p: Person) => void;
}) {
  return (
    <View>
      <View className="jy-subtitle">{t.who}</View>
      {people.length === 0 ? <View className="jy-muted">{t.noMembers}</View> : null}
      {people.map((p) => (
        <View
          key={p.residentId}
          className={`jy-pick${chosen === p.residentId ? ' jy-pick--on' : ''}`}
          data-testid={`who-${p.residentId}`}
          onClick={() => onChoose(p)}
        >
          <View className="jy-row">
            <View>{p.name}</View>
            <View className="jy-muted">{relationLabel(p.relation)}</View>
          </View>
          <View className="jy-muted">{p.maskedIdNumber}</View>
        </View>
      ))}
    </View>
  );
}
