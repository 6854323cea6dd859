import { Button, Cell } from '@nutui/nutui-react-taro';
import type { OutputOf } from '@shared/api/define';
import type { familyRequests as familyRequestsDef } from '@shared/api/user';
import { View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { useInFlight } from '../../components/form/useInFlight';
import { zh } from '../../i18n/zh';
import type { ApiError } from '../../services/api';
import { answerFamilyRequest, familyRequests } from '../../services/user';

type Requests = OutputOf<typeof familyRequestsDef>['requests'];
const t = zh.family;

/**
 * Someone asked to act for me (they added me as family, but I have my own account): nothing is
 * linked until I accept here. Hidden when there is nothing to answer.
 */
export function FamilyRequests({ onAnswered }: { onAnswered: () => void }) {
  const [requests, setRequests] = useState<Requests>([]);
  const [error, setError] = useState('');
  const reload = () =>
    familyRequests()
      .then((r) => setRequests(r.requests))
      .catch((e: ApiError) => setError(e.message));
  useDidShow(() => void reload());
  // One answer per request: a double tap on 同意 / 拒绝 sends one (issue 12).
  const guard = useInFlight();
  const answer = (requestId: string, accept: boolean) =>
    guard.run(requestId, async () => {
      setError('');
      try {
        await answerFamilyRequest(requestId, accept);
        await reload();
        onAnswered();
      } catch (e) {
        setError((e as ApiError).message);
      }
    });
  if (requests.length === 0 && !error) return null;
  return (
    <View className="jy-family-requests">
      <View className="jy-subtitle">{t.requests}</View>
      <Cell.Group>
        {requests.map((r) => (
          <Cell
            key={r.requestId}
            title={t.requestLine(r.requesterName, t.relations[r.relation] ?? r.relation)}
            extra={
              <View className="jy-chips">
                <Button
                  size="small"
                  type="primary"
                  disabled={guard.busy(r.requestId)}
                  onClick={() => answer(r.requestId, true)}
                >
                  {t.accept}
                </Button>
                <Button
                  size="small"
                  disabled={guard.busy(r.requestId)}
                  onClick={() => answer(r.requestId, false)}
                >
                  {t.decline}
                </Button>
              </View>
            }
          />
        ))}
      </Cell.Group>
      {error ? <View className="jy-error">{error}</View> : null}
    </View>
  );
}
