import cloudbase from '@cloudbase/node-sdk';
import ExcelJS from 'exceljs';

export type Column = { header: string; key: string; width?: number; percent?: boolean };
export type Sheet = { name: string; columns: Column[]; rows: Record<string, unknown>[] };

/** A workbook of plain tables: bold frozen header row, percent columns formatted as 0.0%. */
export async function workbookBytes(sheets: readonly Sheet[], creator: string, at: Date): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = creator;
  wb.created = at;
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = s.columns.map((c) => ({
      header: c.header,
      key: c.key,
      width: c.width ?? Math.max(10, c.header.length * 2 + 2),
      ...(c.percent ? { style: { numFmt: '0.0%' } } : {}),
    }));
    ws.getRow(1).font = { bold: true };
    for (const r of s.rows) ws.addRow(r);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Stores an export privately and returns its id and a one-hour download URL. */
export async function storeExport(
  cloudPath: string,
  bytes: Buffer,
): Promise<{ fileId: string; downloadUrl: string }> {
  const app = cloudbase.init({ env: cloudbase.SYMBOL_CURRENT_ENV, timeout: 50_000 });
  const up = await app.uploadFile({ cloudPath, fileContent: bytes });
  const urls = await app.getTempFileURL({ fileList: [{ fileID: up.fileID, maxAge: 3600 }] });
  return { fileId: up.fileID, downloadUrl: urls.fileList[0]?.tempFileURL ?? '' };
}
