import { canonicalAgreement, renderAgreement } from '@shared/contract/agreement';
import { View } from '@tarojs/components';
import { Check } from '../../../../components/Check';
import { zhContract } from '../../../../i18n/contract';
import type { Quote, TeamDetail } from '../../../../services/contract';
import type { Person } from './WhoStep';

const t = zhContract.flow;
// The default term (shared/contract/config.ts); importing the config would pull zod into the client.
const TERM_MONTHS = 12;
// Asia/Shanghai has no daylight saving: UTC+8 gives the signing day without a timezone library.
const shanghaiToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

/**
 * Step 3: the agreement of the versioned template (shared/contract/agreement.ts — the same
 * renderer the server seals and prints), filled with the team, the resident and the server's
 * quote; the server rebuilds and hashes it from its own records at submit.
 */
export function AgreementStep({
  person,
  team,
  quote,
  kind,
  channel,
  consent,
  onConsent,
}: {
  person: Person;
  team: TeamDetail;
  quote: Quote;
  kind: 'new' | 'renewal' | 'change';
  channel: string;
  consent: boolean;
  onConsent: (on: boolean) => void;
}) {
  const sections = renderAgreement(
    canonicalAgreement({
      contractId: '',
      kind,
      resident: { residentId: person.residentId, name: person.name, maskedIdNumber: person.maskedIdNumber },
      team: { teamId: team.teamId, name: team.name, leaderName: team.leaderName },
      institution: { institutionId: team.institutionId, name: team.institutionName },
      packages: quote.lines,
      signedOn: shanghaiToday(),
      termMonths: TERM_MONTHS,
      channel,
    }),
  );
  return (
    <View>
      <View className="jy-subtitle">{t.agreement}</View>
      <View className="jy-card jy-agreement" data-testid="agreement">
        {sections.map((s) => (
          <View key={s.heading}>
            <View className="jy-agreement__heading">{s.heading}</View>
            {s.lines.map((l) => (
              <View key={l}>{l}</View>
            ))}
          </View>
        ))}
      </View>
      <Check checked={consent} onChange={onConsent} label={t.consent} />
    </View>
  );
}
