/**
 * The first worksheet of an .xlsx export → the same table of text cells a CSV
 * gives, so one validation serves both. Excel keeps dates as serial numbers; a
 * date cell at exactly midnight is read as a date without a time.
 */
import ExcelJS from 'exceljs';
import type { SourceRow } from '../../domain/indicators';
import { DossierFileError, type DossierTable } from '../../domain/indicators';

function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.slice(11, 19) === '00:00:00' ? iso.slice(0, 10) : iso.slice(0, 19);
  }
  // The shown value of a formula is not data we can trust; the row check refuses it by its "=".
  if (typeof value === 'object' && 'formula' in value && value.formula) return `=${value.formula}`;
  if (typeof value === 'object' && 'sharedFormula' in value) return `=${String(value.sharedFormula)}`;
  return cell.text ?? String(value);
}

export async function readXlsx(data: Buffer): Promise<DossierTable> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch (error) {
    throw new DossierFileError({ code: 'xlsx_unreadable' }, { cause: error });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new DossierFileError({ code: 'xlsx_unreadable' });
  let headers: string[] | null = null;
  const rows: SourceRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= Math.max(row.cellCount, headers?.length ?? 0); c++) cells.push(cellText(row.getCell(c)).trim());
    if (!headers) headers = cells;
    else rows.push({ line: rowNumber, cells });
  });
  if (!headers) throw new DossierFileError({ code: 'file_empty' });
  return { headers, rows, lastLine: rows.at(-1)?.line ?? 1 };
}
