/** Report template versions: the shipped ones, and new ones a city administrator loads from JSON or an Excel outline. */

import { and, asc, desc, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { defaultFigureRegistry, type OutlineRow, type ReportTemplate, sectionsFromOutline, validateTemplate } from '../../domain/reports';
import { SHIPPED_TEMPLATES } from '../../domain/reports/templates';
import type { Actor } from '../access/actor';
import { ensure, isCityAdmin } from '../access/policy';
import { recordAudit } from '../audit/service';
import type { Db, DbOrTx } from '../db';
import { reportTemplates } from '../db/schema';
import { invalid, notFound } from '../errors';

export type TemplateRow = typeof reportTemplates.$inferSelect;

function checked(input: unknown): ReportTemplate {
  const result = validateTemplate(input, defaultFigureRegistry);
  if (!result.ok) {
    const text = result.issues
      .slice(0, 5)
      .map((i) => (i.path ? `${i.path}: ${i.message}` : i.message))
      .join('; ');
    throw invalid(`Mẫu báo cáo chưa hợp lệ — ${text}`, result.issues);
  }
  return result.template;
}

/** The shipped templates become version 1 for a city the first time anyone there needs them. */
export async function ensureShippedTemplates(db: DbOrTx, cityId: number): Promise<void> {
  for (const raw of SHIPPED_TEMPLATES) {
    const template = checked(raw);
    await db.insert(reportTemplates).values({ cityId, key: template.key, version: 1, name: template.name, body: template }).onConflictDoNothing();
  }
}

export async function listTemplates(db: Db, actor: Actor) {
  await ensureShippedTemplates(db, actor.cityId);
  const rows = await db.select().from(reportTemplates).where(eq(reportTemplates.cityId, actor.cityId)).orderBy(asc(reportTemplates.key), desc(reportTemplates.version));
  return rows.map(presentTemplate);
}

export function presentTemplate(row: TemplateRow) {
  return { id: row.id, key: row.key, version: row.version, name: row.name, body: row.body as ReportTemplate, createdAt: row.createdAt.toISOString() };
}

export async function latestTemplate(db: DbOrTx, cityId: number, key: string): Promise<TemplateRow> {
  await ensureShippedTemplates(db, cityId);
  const [row] = await db
    .select()
    .from(reportTemplates)
    .where(and(eq(reportTemplates.cityId, cityId), eq(reportTemplates.key, key)))
    .orderBy(desc(reportTemplates.version))
    .limit(1);
  if (!row) throw invalid(`Không có mẫu báo cáo "${key}".`);
  return row;
}

export async function templateById(db: DbOrTx, id: number): Promise<TemplateRow> {
  const [row] = await db.select().from(reportTemplates).where(eq(reportTemplates.id, id));
  if (!row) throw notFound();
  return row;
}

/** A new version of a key: reports already made keep the version they were made with. */
export async function createTemplate(db: Db, actor: Actor, input: unknown) {
  ensure(isCityAdmin(actor));
  const template = checked(input);
  return db.transaction(async (tx) => {
    const [last] = await tx
      .select({ version: reportTemplates.version })
      .from(reportTemplates)
      .where(and(eq(reportTemplates.cityId, actor.cityId), eq(reportTemplates.key, template.key)))
      .orderBy(desc(reportTemplates.version))
      .limit(1);
    const [row] = await tx
      .insert(reportTemplates)
      .values({ cityId: actor.cityId, key: template.key, version: (last?.version ?? 0) + 1, name: template.name, body: template, createdBy: actor.id })
      .returning();
    await recordAudit(tx, actor, {
      cityId: actor.cityId,
      communeId: null,
      entity: 'report_template',
      entityId: row.id,
      action: 'create',
      after: { key: row.key, version: row.version },
    });
    return presentTemplate(row);
  });
}

const COLUMNS = ['level', 'code', 'title', 'kind', 'key', 'unit', 'partof', 'area'] as const;

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((r) => r.text).join('');
  if (typeof value === 'object' && 'result' in value) return String(value.result ?? '');
  return String(value).trim();
}

/** The first sheet's header row names the columns (level, code, title, kind, key, unit, partOf, area), in any order. */
export async function outlineRowsFromExcel(data: Buffer): Promise<OutlineRow[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw invalid('Tệp không phải bảng tính Excel (.xlsx) đọc được.');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw invalid('Bảng tính không có trang nào.');
  const header = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, col) => header.set(cellText(cell.value).toLowerCase(), col));
  const missing = ['code', 'title', 'kind'].filter((c) => !header.has(c));
  if (missing.length) throw invalid(`Dòng tiêu đề thiếu cột: ${missing.join(', ')} (cần ${COLUMNS.join(', ')}).`);
  const rows: OutlineRow[] = [];
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    const get = (name: string) => (header.has(name) ? cellText(row.getCell(header.get(name) as number).value) : '');
    if (!get('code') && !get('title')) return;
    const level = get('level');
    const area = get('area');
    rows.push({
      row: number,
      level: level ? Number(level) : null,
      code: get('code'),
      title: get('title'),
      kind: get('kind'),
      key: get('key') || undefined,
      unit: get('unit') || undefined,
      partOf: get('partof') || undefined,
      area: area ? Number(area) : null,
    });
  });
  return rows;
}

export async function createTemplateFromExcel(db: Db, actor: Actor, data: Buffer, meta: { key: string; name: string }) {
  ensure(isCityAdmin(actor));
  const { sections, issues } = sectionsFromOutline(await outlineRowsFromExcel(data));
  if (issues.length)
    throw invalid(
      `Đề cương trong Excel chưa hợp lệ — ${issues
        .slice(0, 5)
        .map((i) => `${i.path}: ${i.message}`)
        .join('; ')}`,
      issues,
    );
  return createTemplate(db, actor, { key: meta.key, name: meta.name, sections });
}
