/**
 * Tasks written as numbered paragraphs in the plan's body, for plans issued without an appendix
 * table (seed 001): the section "II. NHIỆM VỤ …" / "III. NHIỆM VỤ VÀ GIẢI PHÁP" holds sub-headings
 * that name the seven areas ("1. Công tác chỉ đạo, điều hành", "II. CẢI CÁCH THỂ CHẾ"), and under
 * them the tasks as "a) …", "1.1. …" or "- …" paragraphs. A sentence that names its time frame
 * ("trước ngày 30/6/2027", "hằng quý") or its lead ("Giao Văn phòng … chủ trì") gives them; every
 * task is flagged for review because a paragraph is not a table row.
 */
import type { RawTask } from './table';
import { areaOfHeading } from './table';
import { fold } from './text-utils';
import type { ImportedResponsibility } from './types';
import { unitStartScore } from './unit-lexicon';

const ROMAN = /^([IVX]{1,4})\s*[.)]\s*(.*)$/u;
const ARABIC = /^(\d{1,2})\s*[.)]\s+(.*)$/u;
const DECIMAL = /^\d{1,2}\.\d{1,2}\.?\s+(.*)$/u;
const LETTER = /^[a-zđ]\s*\)\s*(.*)$/u;
const DASH = /^[-+•–]\s*(.*)$/u;

type Level = 'roman' | 'arabic' | 'decimal' | 'letter' | 'dash' | 'text';

function levelOf(p: string): { level: Level; body: string } {
  for (const [level, re] of [
    ['roman', ROMAN],
    ['decimal', DECIMAL],
    ['arabic', ARABIC],
    ['letter', LETTER],
    ['dash', DASH],
  ] as const) {
    const m = re.exec(p);
    if (m) return { level, body: (m[m.length - 1] ?? '').trim() };
  }
  return { level: 'text', body: p };
}

function isTaskSection(p: string): boolean {
  const m = ROMAN.exec(p.trim());
  if (!m || p.length > 120) return false;
  const f = fold(m[2]);
  return /^(cac |mot so )?nhiem vu/.test(f) || /^(cac )?giai phap/.test(f);
}

/** A heading names an area and is short; a task is a sentence. */
function headingArea(body: string): number | null {
  if (body.length > 110) return null;
  return areaOfHeading(body);
}

interface Node {
  level: Level;
  body: string;
  children: Node[];
}

const ORDER: Level[] = ['roman', 'arabic', 'decimal', 'letter', 'dash'];

/** The section's paragraphs as a tree: each marker kind nests under the kinds seen before it. */
function tree(paragraphs: string[]): Node[] {
  const roots: Node[] = [];
  const stack: Node[] = [];
  const seen: Level[] = [];
  for (const p of paragraphs) {
    const { level, body } = levelOf(p.trim());
    if (level === 'text') {
      const last = stack[stack.length - 1];
      if (last) last.body += ` ${body}`;
      continue;
    }
    if (!seen.includes(level)) seen.push(level);
    const rank = (l: Level): number => seen.indexOf(l) * 10 + ORDER.indexOf(l) / 10;
    while (stack.length > 0 && rank(stack[stack.length - 1].level) >= rank(level)) stack.pop();
    const node: Node = { level, body, children: [] };
    (stack.length > 0 ? stack[stack.length - 1].children : roots).push(node);
    stack.push(node);
  }
  return roots;
}

/** Time phrases a task sentence may carry, most specific first; each is read by the time-frame grammar. */
const TIME_PHRASES: RegExp[] = [
  /(?:hoàn thành\s+)?(?:trước|chậm nhất|hạn)\s+(?:ngày\s+)?\d{1,2}\s*\/\s*\d{1,2}(?:\s*\/\s*\d{4})?/iu,
  /(?:hoàn thành\s+)?(?:trước|chậm nhất)\s+ngày\s+\d{1,2}\s+tháng\s+\d{1,2}(?:\s+năm\s+\d{4})?/iu,
  /(?:trước|chậm nhất)\s+ngày\s+\d{1,2}\s+(?:của\s+)?(?:hằng|hàng)\s+tháng/iu,
  /(?:trước|chậm nhất)\s+ngày\s+\d{1,2}\s+(?:của\s+)?tháng cuối (?:mỗi |hằng |hàng )?quý/iu,
  /(?:hằng|hàng|định kỳ)\s+(?:tháng|quý|năm)(?:\s*\((?:trước|chậm nhất)[^)]*\))?/iu,
  /(?:trong|vào)\s+quý\s+[IVX]+(?:\s*(?:,|và|-)\s*(?:quý\s+)?[IVX]+)*(?:\s*\/\s*\d{4}|\s+năm\s+\d{4})?/iu,
  /(?:trong|vào)\s+tháng\s+\d{1,2}(?:\s*\/\s*\d{4}|\s+năm\s+\d{4})?/iu,
  /(?:trong\s+)?6\s+tháng\s+(?:đầu|cuối)\s+năm(?:\s+\d{4})?/iu,
  /thường xuyên/iu,
];

export function timePhrase(sentence: string): string {
  for (const re of TIME_PHRASES) {
    const m = re.exec(sentence);
    if (m) return m[0].replace(/\s+/g, ' ').trim();
  }
  return '';
}

/** "Giao Văn phòng HĐND và UBND xã chủ trì", "(Phòng Kinh tế chủ trì)", "Cơ quan chủ trì: …". */
// \b is ASCII-only in JavaScript: after "trì" it never matches, hence the look-ahead on letters.
const LEAD_PATTERNS: RegExp[] = [
  /(?:cơ quan|đơn vị)\s+chủ trì\s*:\s*([^;.()]+)/iu,
  /(?:^|\s)giao\s+(?:cho\s+)?([^;.()]+?)\s+(?:chủ trì|thực hiện|tham mưu|triển khai)(?!\p{L})/iu,
  /\(\s*([^;.()]+?)\s+chủ trì(?!\p{L})/iu,
  /(?:^|\s)do\s+([^;.()]+?)\s+chủ trì(?!\p{L})/iu,
];

export function leadIn(sentence: string): string {
  for (const re of LEAD_PATTERNS) {
    const m = re.exec(sentence);
    const name = m?.[1]?.replace(/[,:]+$/, '').trim();
    if (name && unitStartScore(name) > 0) return name;
  }
  return '';
}

/** The unit the body's "Phân công trách nhiệm" gives the lead on an area, when exactly one has it. */
function leadByArea(responsibilities: ImportedResponsibility[], area: number | null): string {
  if (area === null) return '';
  const leads = responsibilities.filter((r) => r.areas.includes(area));
  return leads.length === 1 ? leads[0].unit : '';
}

function taskNodes(nodes: Node[], area: number | null, out: Array<{ area: number | null; text: string }>): void {
  for (const node of nodes) {
    // Only numbered headings name an area; "a) … công vụ:" inside area 7 does not move the task to 5.
    const here = node.level === 'roman' || node.level === 'arabic' ? headingArea(node.body) : null;
    if (node.children.length > 0) {
      // "a) Phát triển hạ tầng kỹ thuật:" introduces its "- …" tasks; an area heading sets the area.
      taskNodes(node.children, here ?? area, out);
      continue;
    }
    if (here !== null && !/[.;]$/.test(node.body)) continue; // a heading with nothing under it
    out.push({ area, text: node.body.replace(/[;]\s*$/, '').trim() });
  }
}

export interface ParagraphTasks {
  tasks: RawTask[];
  /** TT of each task, for the per-task review warning. */
  numbers: number[];
}

export function readParagraphTasks(paragraphs: string[], responsibilities: ImportedResponsibility[]): ParagraphTasks {
  const start = paragraphs.findIndex(isTaskSection);
  if (start < 0) return { tasks: [], numbers: [] };
  const section: string[] = [];
  for (const p of paragraphs.slice(start + 1)) {
    if (ROMAN.test(p.trim()) && !headingArea(p.trim().replace(ROMAN, '$2'))) break;
    section.push(p);
  }
  const found: Array<{ area: number | null; text: string }> = [];
  taskNodes(tree(section), null, found);
  const tasks: RawTask[] = found
    .filter((t) => t.text.length >= 15)
    .map((t, i) => ({
      area: t.area,
      number: i + 1,
      cells: {
        number: String(i + 1),
        content: t.text,
        lead: leadIn(t.text) || leadByArea(responsibilities, t.area),
        coordinators: '',
        time: timePhrase(t.text),
        product: '',
      },
      continued: false,
    }));
  return { tasks, numbers: tasks.map((t) => t.number ?? 0) };
}
