import { Button, Cell } from '@nutui/nutui-react-taro';
import type { OutputOf } from '@shared/api/define';
import type { listGrids } from '@shared/api/grid';
import { View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { gridText } from '../../../../i18n/grid';
import type { ApiError } from '../../../../services/api';
import { getGrids, printPlates } from '../../../../services/grid';
import { Page } from '../../../../theme/theme';

type Grid = OutputOf<typeof listGrids>['grids'][number];
const t = gridText.plates;

/** Opens the PDF: a new tab on H5, the document viewer in the mini-program. */
async function openPdf(url: string) {
  if (process.env.TARO_ENV === 'h5') {
    window.open(url, '_blank');
    return;
  }
  const f = await Taro.downloadFile({ url });
  await Taro.openDocument({ filePath: f.tempFilePath, fileType: 'pdf', showMenu: true });
}

/** 打印门牌码: the institution's grids, each with a button that prints its door-plate sheet. */
export default function PrintPlates() {
  const [grids, setGrids] = useState<Grid[] | null>(null);
  const [busy, setBusy] = useState('');
  const [done, setDone] = useState<Record<string, { url: string; text: string }>>({});
  const [error, setError] = useState('');
  useDidShow(() => {
    getGrids()
      .then((r) => setGrids(r.grids))
      .catch((e: ApiError) => setError(e.message));
  });
  const print = async (gridId: string) => {
    setError('');
    setBusy(gridId);
    try {
      const r = await printPlates({ gridId });
      setDone((prev) => ({ ...prev, [gridId]: { url: r.downloadUrl, text: t.done(r.plates, r.pages) } }));
    } catch (e) {
      setError((e as ApiError).message);
    } finally {
      setBusy('');
    }
  };
  return (
    <Page>
      <View className="jy-title">{t.title}</View>
      <View className="jy-muted">{t.intro}</View>
      {error ? <View className="jy-status--bad">{error}</View> : null}
      {(grids ?? []).map((g) => (
        <Cell.Group key={g.gridId} title={`${g.villageName} · ${g.name}`}>
          <Cell>
            <View style={{ width: '100%' }}>
              <Button type="primary" block loading={busy === g.gridId} onClick={() => print(g.gridId)}>
                {busy === g.gridId ? t.printing : t.print}
              </Button>
              {done[g.gridId] ? (
                <View data-pdf={done[g.gridId]?.url}>
                  <View className="jy-status--ok">{done[g.gridId]?.text}</View>
                  <Button block onClick={() => openPdf(done[g.gridId]?.url ?? '')}>
                    {t.open}
                  </Button>
                </View>
              ) : null}
            </View>
          </Cell>
        </Cell.Group>
      ))}
    </Page>
  );
}
