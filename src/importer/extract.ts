/** A reader's DocModel → the reviewable extraction (meta, targets, tasks, responsibilities, warnings). */
import { parseTimeframe } from '../domain/timeframe/index';
import type { Period } from '../domain/timeframe/types';
import { extractMeta, extractResponsibilities, extractTargets, looksLikeInspectionPlan } from './body';
import { ImportError } from './errors';
import { readFlatTable } from './flat-table';
import { readParagraphTasks } from './paragraph-tasks';
import { headerColumns, type RawTask, readTaskTable } from './table';
import { cleanInline, stripHtml } from './text-utils';
import type { DocModel, ImportedTask, ImportResult, ImportWarning, TableCell, UnitRef } from './types';
import { isUnitStart, splitUnitList } from './unit-lexicon';
import { mapUnitNames } from './unit-matching';

const yearPeriod = (year: number): Period => ({ start: `${year}-01-01`, end: `${year}-12-31` });

/**
 * A narrow time column wraps a date inside its number ("15/11/20" / "27"): the pieces are joined back
 * when together they make a whole d/m/yyyy date.
 */
export function joinWrappedDates(cell: string): string {
  return cell.replace(/(\d{1,2}\/\d{0,2}\/?\d{0,3})[ \t]*\n[ \t]*(\d{1,4}(?:\/\d{1,4})*)(?!\d)/g, (all, left: string, right: string) =>
    /^\d{1,2}\/\d{1,2}\/\d{4}$/.test(left + right) && !/^\d{1,2}\/\d{1,2}\/\d{4}$/.test(left) ? left + right : all,
  );
}

function toTask(raw: RawTask, period: Period): { task: ImportedTask; warnings: ImportWarning[] } {
  const text = cleanInline(joinWrappedDates(stripHtml(raw.cells.time)));
  const schedule = parseTimeframe(text, period);
  const task: ImportedTask = {
    area: raw.area,
    number: raw.number,
    content: cleanInline(raw.cells.content),
    lead: splitUnitList(raw.cells.lead),
    coordinators: splitUnitList(raw.cells.coordinators),
    timeframe: { text, kind: schedule.kind, start: schedule.start, due: schedule.due, occurrences: schedule.occurrences },
    product: cleanInline(raw.cells.product),
    ...(raw.sourceRows ? { sourceRows: raw.sourceRows } : {}),
  };
  return { task, warnings: taskWarnings(task, schedule.warnings) };
}

function taskWarnings(task: ImportedTask, scheduleWarnings: string[]): ImportWarning[] {
  const out: ImportWarning[] = [];
  const n = task.number;
  const text = task.timeframe.text;
  if (text && task.timeframe.kind === 'unspecified') {
    if (isUnitStart(text)) {
      out.push({ code: 'unit_in_time_column', task: n, message: `Nhiệm vụ số ${n}: cột thời gian ghi tên đơn vị ("${text}"), có thể do lệch cột; vui lòng nhập lại thời hạn.` });
    } else {
      const why = scheduleWarnings[0] ? ` ${scheduleWarnings[0]}` : '';
      out.push({ code: 'timeframe_not_understood', task: n, message: `Nhiệm vụ số ${n}: chưa hiểu được thời gian "${text}".${why}` });
    }
  }
  if (task.area === null) out.push({ code: 'no_area', task: n, message: `Nhiệm vụ số ${n}: không xác định được lĩnh vực (I–VII).` });
  return out;
}

function numberWarnings(tasks: ImportedTask[]): ImportWarning[] {
  const out: ImportWarning[] = [];
  let prev = 0;
  for (const t of tasks) {
    if (t.number === null) continue;
    if (t.number === prev) out.push({ code: 'number_repeated', task: t.number, message: `Số thứ tự ${t.number} bị lặp lại.` });
    else if (t.number > prev + 1) {
      out.push({
        code: 'number_missing',
        task: t.number,
        message: `Thiếu nhiệm vụ số ${prev + 1}${t.number - prev > 2 ? `–${t.number - 1}` : ''} (nhảy từ ${prev} lên ${t.number}).`,
      });
    }
    prev = Math.max(prev, t.number);
  }
  return out;
}

function unknownUnitWarnings(result: ImportResult): ImportWarning[] {
  return (result.mapping ?? [])
    .filter((m) => m.kind === 'unknown')
    .map((m) => ({
      code: 'unknown_unit' as const,
      message:
        m.suggestion?.action === 'new_alias'
          ? `Chưa nhận ra đơn vị "${m.name}"; có thể là tên khác của "${m.suggestion.unitName}".`
          : `Chưa nhận ra đơn vị "${m.name}"; đề nghị thêm đơn vị mới.`,
    }));
}

export interface ExtractOptions {
  units?: UnitRef[];
  /** The year time frames are read in when the document names no period (the caller's "this year", at UTC+7). */
  referenceYear: number;
}

/**
 * What the header says, in reading order: Word documents put the issuer, the number and the
 * "place, date" line in a borderless two-column table, so the cells of tables that are not the task
 * table are read as lines too (column by column).
 */
export function headerLines(model: DocModel): string[] {
  return model.blocks.flatMap((b) => {
    if (b.kind === 'paragraph') return [b.text];
    if (b.kind !== 'table' || b.rows.some((r) => headerColumns(r) !== null)) return [];
    const width = Math.max(0, ...b.rows.map((r) => r.length));
    const out: string[] = [];
    for (let c = 0; c < width; c++) {
      for (const row of b.rows)
        out.push(
          ...(row[c]?.text ?? '')
            .split('\n')
            .map((l) => l.trim())
            .filter(Boolean),
        );
    }
    return out;
  });
}

export function extractPlan(model: DocModel, options: ExtractOptions): ImportResult {
  const paragraphs = model.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
  const tables = model.blocks.flatMap((b) => (b.kind === 'table' ? [b.rows] : []));
  const flat = model.blocks.flatMap((b) => (b.kind === 'flat-table' ? [b.lines] : []));
  const meta = extractMeta(headerLines(model));
  const period = meta.period ?? yearPeriod(options.referenceYear);
  const tableRead = readTaskTable(tables);
  const flatRead = flat.map((lines) => readFlatTable(lines, period));
  // Flat tables' rows follow the tables' in `source.rows`: their tasks' row indices move by as many.
  let offset = tableRead.rows.length;
  const flatTasks = flatRead.flatMap((r) => {
    const shifted = r.tasks.map((t) => ({ ...t, sourceRows: t.sourceRows?.map((i) => i + offset) }));
    offset += r.rows.length;
    return shifted;
  });
  const rawTasks = [...tableRead.tasks, ...flatTasks];
  const warnings: ImportWarning[] = [...tableRead.warnings, ...flatRead.flatMap((r) => r.warnings)];
  const responsibilities = extractResponsibilities(paragraphs);
  // An inspection plan has no task table either: say what it is rather than read its sections as tasks.
  if (rawTasks.length === 0 && looksLikeInspectionPlan(meta.title, paragraphs)) throw new ImportError('inspection_plan');
  if (rawTasks.length === 0) {
    // No appendix: the tasks may be the numbered paragraphs of "II. NHIỆM VỤ …" (seed 001).
    for (const raw of readParagraphTasks(paragraphs, responsibilities).tasks) {
      rawTasks.push(raw);
      warnings.push({
        code: 'task_from_paragraph',
        task: raw.number,
        message: `Nhiệm vụ số ${raw.number} được lấy từ đoạn văn trong thân kế hoạch (không có bảng phụ lục); vui lòng kiểm tra nội dung, đơn vị chủ trì và thời hạn.`,
      });
    }
  }
  const tasks: ImportedTask[] = [];
  for (const raw of rawTasks) {
    const { task, warnings: w } = toTask(raw, period);
    tasks.push(task);
    warnings.push(...w);
  }
  warnings.push(...numberWarnings(tasks));
  const targets = extractTargets(paragraphs);
  // A plan body without its appendix (seed 001) is still a plan; a letter has none of these parts.
  if (tasks.length === 0 && meta.title === null && targets.length === 0 && responsibilities.length === 0) throw new ImportError('not_a_plan');
  if (tasks.length === 0) warnings.push({ code: 'no_task_table', message: 'Không tìm thấy bảng danh mục nhiệm vụ (Phụ lục) trong tài liệu.' });
  const result: ImportResult = {
    meta,
    targets,
    tasks,
    responsibilities,
    warnings,
    period,
    source: { format: model.format, text: paragraphs.join('\n'), rows: [...tableRead.rows, ...flatRead.flatMap((r) => r.rows)] },
  };
  if (options.units) {
    const names = [...tasks.flatMap((t) => [...t.lead, ...t.coordinators]), ...result.responsibilities.map((r) => r.unit)];
    result.mapping = mapUnitNames(names, options.units);
    result.warnings.push(...unknownUnitWarnings(result));
  }
  return result;
}

export type { TableCell };
