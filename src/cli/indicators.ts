/**
 * `npm run cchc -- indicators <file.csv> --from YYYY-MM-DD --to YYYY-MM-DD --as-of YYYY-MM-DD [--json]`:
 * reads a dossier export (the canonical template) and prints its indicators. No
 * database. With --json, stdout carries one JSON object on one line and nothing
 * else; notices go to stderr.
 */
import { readFile, stat } from 'node:fs/promises';
import { isIsoDate } from '../domain/calendar/dates';
import {
  computeIndicators,
  DOSSIER_FILE_LIMITS,
  DossierFileError,
  describeFileProblem,
  describeRowProblems,
  type IndicatorSet,
  type IndicatorWindow,
  isDossierFileError,
  readDossierCsv,
} from '../domain/indicators/index';
import { translate } from '../i18n/index';
import { type CliDeps, cliIO, readCommandLine } from './args';
import { userPath } from './paths';

export type IndicatorsDeps = CliDeps;

const USAGE = 'Cách dùng: npm run cchc -- indicators <tệp.csv> --from YYYY-MM-DD --to YYYY-MM-DD [--as-of YYYY-MM-DD] [--json]';

interface Parsed {
  file: string;
  window: IndicatorWindow;
  json: boolean;
}

function parseCommand(args: string[]): Parsed | string {
  const line = readCommandLine(args, { from: { type: 'string' }, to: { type: 'string' }, 'as-of': { type: 'string' }, json: { type: 'boolean' } }, 1);
  if (typeof line === 'string') return line;
  const [file] = line.positionals;
  const { from, to, 'as-of': asOf, json = false } = line.values;
  for (const [name, value] of [
    ['--from', from],
    ['--to', to],
    ['--as-of', asOf],
  ] as const) {
    if (value !== undefined && !isIsoDate(value)) return `${name} cần một ngày có thật dạng YYYY-MM-DD.`;
  }
  if (!file) return 'Thiếu đường dẫn tệp hồ sơ.';
  if (!from || !to) return 'Cần --from và --to.';
  if (from > to) return '--from phải không sau --to.';
  // Without --as-of the stock of overdue dossiers is taken at the end of the window.
  return { file: userPath(file), json, window: { from, to, asOf: asOf ?? to } };
}

export interface IndicatorsJson extends IndicatorSet {
  rejected_rows: Array<{ line: number; reason: string }>;
}

function summary(result: IndicatorsJson, window: IndicatorWindow): string {
  const pct = (v: number | null) => (v === null ? 'không có dữ liệu' : `${v}%`);
  const lines = [
    `Kỳ ${window.from} → ${window.to}, tính đến ${window.asOf}`,
    `Tiếp nhận: ${result.received} · Đã giải quyết: ${result.finished} (đúng hạn ${result.on_time}, quá hạn ${result.late}; đúng hạn ${pct(result.on_time_pct)})`,
    `Đang xử lý quá hạn: ${result.overdue_open}`,
    `Trực tuyến: ${pct(result.online_pct)} · Toàn trình: ${pct(result.full_online_pct)} · Thanh toán trực tuyến: ${pct(result.online_payment_pct)}`,
    `Số hóa: ${pct(result.digitised_pct)} · Kết quả điện tử: ${pct(result.e_result_pct)} · Hài lòng: ${pct(result.satisfaction_pct)}`,
    `Dòng bị loại: ${result.rejected_rows.length}`,
  ];
  for (const r of result.rejected_rows) lines.push(`  dòng ${r.line}: ${r.reason}`);
  return lines.join('\n');
}

export async function runIndicators(args: string[], deps: IndicatorsDeps = {}): Promise<number> {
  const { out, err } = cliIO(deps);
  const parsed = parseCommand(args);
  if (typeof parsed === 'string') {
    err(`${parsed}\n${USAGE}`);
    return 2;
  }
  try {
    const info = await stat(parsed.file);
    if (info.size > DOSSIER_FILE_LIMITS.maxFileBytes) {
      throw new DossierFileError({ code: 'file_too_large', maxMb: DOSSIER_FILE_LIMITS.maxFileBytes / 1048576 });
    }
    const { dossiers, rejected, encoding } = readDossierCsv(await readFile(parsed.file));
    if (encoding === 'windows-1258') err(translate('vi', 'dossier.notice.windows_1258'));
    const result: IndicatorsJson = {
      ...computeIndicators(dossiers, parsed.window),
      rejected_rows: rejected.map((r) => ({ line: r.line, reason: describeRowProblems(r.problems) })),
    };
    out(parsed.json ? JSON.stringify(result) : summary(result, parsed.window));
    return 0;
  } catch (error) {
    if (isDossierFileError(error)) {
      err(describeFileProblem(error.problem));
      return 1;
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'EACCES') {
      err(`Không mở được tệp "${parsed.file}".`);
      return 1;
    }
    throw error;
  }
}
