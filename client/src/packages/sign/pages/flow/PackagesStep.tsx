import { View } from '@tarojs/components';
import { yuanOf, zhContract } from '../../../../i18n/contract';
import type { Quote, TeamDetail } from '../../../../services/contract';

const t = zhContract.flow;

/** Step 2: the packages (basic one required) and the fee split the server computed. */
export function PackagesStep({
  team,
  picked,
  onToggle,
  quote,
}: {
  team: TeamDetail;
  picked: string[];
  onToggle: (packageId: string) => void;
  quote: Quote | null;
}) {
  return (
    <View>
      <View className="jy-subtitle">{t.pickPackages}</View>
      {team.packages.map((p) => (
        <View
          key={p.packageId}
          className={`jy-pick${picked.includes(p.packageId) ? ' jy-pick--on' : ''}`}
          onClick={() => onToggle(p.packageId)}
        >
          <View className="jy-row">
            <View>
              {p.name}
              {p.kind === 'basic' ? `（${t.basic}）` : ''}
            </View>
            <View>{yuanOf(p.feeFen)} 元</View>
          </View>
          <View className="jy-muted">{p.services.map((s) => `${s.name}×${s.timesPerYear}`).join('、')}</View>
        </View>
      ))}
      {quote ? (
        <View className="jy-card" data-testid="fee">
          <View className="jy-subtitle">{t.fee}</View>
          {quote.lines.map((l) => (
            <View key={l.packageId} className="jy-row">
              <View>{l.name}</View>
              <View>{yuanOf(l.feeFen)} 元</View>
            </View>
          ))}
          <View className="jy-row">
            <View>{t.insurance}</View>
            <View>{yuanOf(quote.total.insuranceFen)} 元</View>
          </View>
          <View className="jy-row">
            <View>{t.publicHealth}</View>
            <View>{yuanOf(quote.total.publicHealthFen)} 元</View>
          </View>
          <View className="jy-row">
            <View>{t.waived}</View>
            <View>{yuanOf(quote.total.waivedFen)} 元</View>
          </View>
          <View className="jy-row">
            <View className="jy-team__name">{t.resident}</View>
            <View className="jy-team__name">{yuanOf(quote.total.residentFen)} 元</View>
          </View>
        </View>
      ) : null}
    </View>
  );
}
