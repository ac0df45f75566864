/**
 * `npm run cchc -- export-plan <plan document> --docx <out.docx> [--json]`: reads a
 * plan with the importer and writes it as an official document (Nghị định
 * 30/2020): header, number and date from its metadata, targets, and the appendix
 * with every task. No database. --json prints a short summary; flags (what was
 * left blank for the clerk) go to stderr otherwise.
 */
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { buildPlanDocument, planExportFromImport } from '../documents';
import { IMPORT_LIMITS, importPlanDocument, isImportError } from '../importer/index';
import { type Clock, systemClock } from '../server/clock';
import { type CliDeps, cliIO, readCommandLine } from './args';
import { userPath } from './paths';

export interface ExportPlanDeps extends CliDeps {
  /** Whose "this year" reads a plan that names no period (the system clock by default). */
  clock?: Clock;
}

const USAGE = 'Cách dùng: npm run cchc -- export-plan <tệp kế hoạch .docx/.pdf/.txt/.md> --docx <tệp ra .docx> [--json]';

interface Parsed {
  file: string;
  docx: string;
  json: boolean;
}

function parseCommand(args: string[]): Parsed | string {
  const line = readCommandLine(args, { docx: { type: 'string' }, json: { type: 'boolean' } }, 1);
  if (typeof line === 'string') return line;
  const [file] = line.positionals;
  const { docx, json = false } = line.values;
  if (!file) return 'Thiếu đường dẫn tệp kế hoạch.';
  if (!docx) return 'Thiếu tệp kết quả (--docx <tệp .docx>).';
  if (!/\.docx$/i.test(docx)) return `Tệp kết quả phải có đuôi .docx: ${docx}`;
  return { file: userPath(file), docx: userPath(docx), json };
}

export async function runExportPlan(args: string[], deps: ExportPlanDeps = {}): Promise<number> {
  const { out, err } = cliIO(deps);
  const parsed = parseCommand(args);
  if (typeof parsed === 'string') {
    err(`${parsed}\n${USAGE}`);
    return 2;
  }
  let result: Awaited<ReturnType<typeof importPlanDocument>>;
  try {
    const info = await stat(parsed.file);
    if (info.size > IMPORT_LIMITS.maxFileBytes) {
      err(`Tệp quá lớn (tối đa ${Math.round(IMPORT_LIMITS.maxFileBytes / 1048576)} MB).`);
      return 1;
    }
    result = await importPlanDocument({ data: await readFile(parsed.file), fileName: parsed.file, referenceYear: Number((deps.clock ?? systemClock).today().slice(0, 4)) });
  } catch (e) {
    if (isImportError(e)) err(e.message);
    else if ((e as NodeJS.ErrnoException).code === 'ENOENT') err(`Không tìm thấy tệp: ${parsed.file}`);
    else err(`Không đọc được tài liệu: ${(e as Error).message}`);
    return 1;
  }
  const { document, flags } = planExportFromImport(result);
  const bytes = await buildPlanDocument(document);
  try {
    await mkdir(dirname(parsed.docx), { recursive: true });
    await writeFile(parsed.docx, bytes);
  } catch (e) {
    err(`Không ghi được tệp ${parsed.docx}: ${(e as Error).message}`);
    return 1;
  }
  const tasks = document.appendix.groups.reduce((n, g) => n + g.tasks.length, 0);
  if (parsed.json) {
    const number = document.attachedTo ? null : document.number;
    out(
      JSON.stringify({
        output: parsed.docx,
        bytes: bytes.length,
        title: document.summary,
        number,
        attached_to: document.attachedTo ?? null,
        date: document.date,
        targets: result.targets.length,
        tasks,
        flags,
      }),
    );
  } else {
    out(`Đã ghi ${parsed.docx}: ${document.type.toUpperCase()} ${document.summary} — ${result.targets.length} chỉ tiêu, ${tasks} nhiệm vụ trong phụ lục.`);
    for (const f of flags) err(`Lưu ý: ${f.message}`);
  }
  return 0;
}
