/**
 * `npm run cchc -- import-plan <file> [--json] [--commune <id>]`: reads a plan
 * document and prints the extraction (stable JSON contract with --json). Needs
 * no database; --commune maps unit names through `loadUnits`, which the caller
 * wires to the database.
 */
import { readFile, stat } from 'node:fs/promises';
import { IMPORT_LIMITS, type ImportResult, importPlanDocument, isImportError, type UnitRef } from '../importer/index';
import { type Clock, systemClock } from '../server/clock';
import { type CliDeps, cliIO, readCommandLine } from './args';
import { userPath } from './paths';

export interface ImportPlanDeps extends CliDeps {
  loadUnits?: (communeId: number) => Promise<UnitRef[]>;
  /** Whose "this year" reads a document that names no period (the system clock by default). */
  clock?: Clock;
}

const USAGE = 'Cách dùng: npm run cchc -- import-plan <tệp .docx/.pdf/.txt> [--json] [--commune <id>]';

interface Parsed {
  file: string;
  json: boolean;
  commune: number | null;
}

function parseCommand(args: string[]): Parsed | string {
  const line = readCommandLine(args, { json: { type: 'boolean' }, commune: { type: 'string' } }, 1);
  if (typeof line === 'string') return line;
  const [file] = line.positionals;
  const { json = false, commune } = line.values;
  const communeId = commune === undefined ? null : Number(commune);
  if (communeId !== null && (!Number.isInteger(communeId) || communeId <= 0)) return 'Mã xã/phường (--commune) phải là số nguyên dương.';
  return file ? { file: userPath(file), json, commune: communeId } : 'Thiếu đường dẫn tệp kế hoạch.';
}

/** The public JSON: the extraction without what only the review screen reads (`source`, each task's `sourceRows`). */
export function toCliJson(result: ImportResult): object {
  const { meta, targets, responsibilities, warnings, mapping } = result;
  const tasks = result.tasks.map(({ sourceRows: _, ...task }) => task);
  return mapping ? { meta, targets, tasks, responsibilities, warnings, mapping } : { meta, targets, tasks, responsibilities, warnings };
}

function summary(result: ImportResult): string {
  const m = result.meta;
  const lines = [
    `Kế hoạch: ${m.title ?? '(không rõ tiêu đề)'}`,
    `Số: ${m.number ?? '-'} · Cơ quan ban hành: ${m.issuer ?? '-'} · Ngày: ${m.date ?? '-'}`,
    `Kỳ kế hoạch: ${m.period ? `${m.period.start} → ${m.period.end}` : '-'}`,
    `Chỉ tiêu: ${result.targets.length} · Nhiệm vụ: ${result.tasks.length} · Phân công: ${result.responsibilities.length}`,
  ];
  for (const t of result.tasks) {
    lines.push(`  ${t.area ?? '?'}.${t.number ?? '?'} ${t.content.slice(0, 70)} | ${t.lead.join('; ')} | ${t.timeframe.text || '-'} → ${t.timeframe.due ?? '-'}`);
  }
  for (const w of result.warnings) lines.push(`Cảnh báo: ${w.message}`);
  return lines.join('\n');
}

export async function runImportPlan(args: string[], deps: ImportPlanDeps = {}): Promise<number> {
  const { out, err } = cliIO(deps);
  const parsed = parseCommand(args);
  if (typeof parsed === 'string') {
    err(`${parsed}\n${USAGE}`);
    return 2;
  }
  if (parsed.commune !== null && !deps.loadUnits) {
    err('Chưa kết nối được danh sách đơn vị của xã/phường để ánh xạ (--commune).');
    return 2;
  }
  try {
    const info = await stat(parsed.file);
    if (info.size > IMPORT_LIMITS.maxFileBytes) {
      err(`Tệp quá lớn (tối đa ${Math.round(IMPORT_LIMITS.maxFileBytes / 1048576)} MB).`);
      return 1;
    }
    const data = await readFile(parsed.file);
    const units = parsed.commune !== null && deps.loadUnits ? await deps.loadUnits(parsed.commune) : undefined;
    const referenceYear = Number((deps.clock ?? systemClock).today().slice(0, 4));
    const result = await importPlanDocument({ data, fileName: parsed.file, units, referenceYear });
    out(parsed.json ? JSON.stringify(toCliJson(result)) : summary(result));
    return 0;
  } catch (e) {
    if (isImportError(e)) err(e.message);
    else if ((e as NodeJS.ErrnoException).code === 'ENOENT') err(`Không tìm thấy tệp: ${parsed.file}`);
    else err(`Không đọc được tài liệu: ${(e as Error).message}`);
    return 1;
  }
}
