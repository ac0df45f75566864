/**
 * An inspection as the server presents it (contract `TInspection`) → the plain data of its two
 * documents (src/documents): the minutes and the conclusion notice. Pure: what the database adds
 * (commune, plan under review, people's titles, the unit's head, evidence names) comes in `context`.
 */
import type { TChecklistAreaCode, TChecklistItem, TInspection } from '../../contract/inspections';
import type {
  ChecklistItem,
  DocumentReference,
  InspectionConclusionData,
  InspectionMinutesData,
  InspectionPerson,
  InspectionRecord,
  InspectionRequest,
  InspectionScope,
  Signature,
} from '../../documents';

export interface InspectionDocumentContext {
  /** "Ủy ban nhân dân xã Cẩm Giang". */
  commune: string;
  /** "Cẩm Giang": the place of the date line. */
  place: string;
  /** The inspection plan's signing date. */
  planSignedOn: string | null;
  /** The CCHC plan whose execution is inspected. */
  reviewedPlan: { title: string; number: string | null; issueDate: string | null } | null;
  /** Job titles of the team, by user id. */
  titles: Map<number, string | null>;
  /** The inspected unit's head (signs the minutes), when the unit has one. */
  unitHead: InspectionPerson | null;
  /** What each piece of evidence is called ("Báo cáo số 35/BC-VHXH", a file's name), by "file:12", "task:3", "report:5". */
  evidenceNames: Map<string, string>;
  /** The unit the remedy reports go through (the CCHC coordinator, Phòng Văn hóa - Xã hội). */
  coordinatorUnit: string | null;
}

const AREA_SCOPES: Record<TChecklistAreaCode, InspectionScope> = { I: 1, II: 2, III: 3, IV: 4, V: 5, VI: 6, VII: 7, KH: 'plan', PT: 'followup' };
const RESULTS = { dat: 'pass', chua_dat: 'fail', khong_ap_dung: 'na' } as const;

/** "Kế hoạch kiểm tra công tác …" → "kiểm tra công tác …": the title as read after "Kế hoạch … về". */
function about(title: string): string {
  const s = title.replace(/^kế hoạch\s+(về\s+)?/iu, '').trim();
  return s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);
}

function evidenceOf(item: TChecklistItem, names: Map<string, string>): string[] {
  const e = item.evidence;
  return [
    ...e.fileIds.map((id) => names.get(`file:${id}`) ?? `Tệp số ${id}`),
    ...e.taskIds.map((id) => names.get(`task:${id}`) ?? `Nhiệm vụ số ${id}`),
    ...e.reportIds.map((id) => names.get(`report:${id}`) ?? `Báo cáo số ${id}`),
    ...e.links,
  ];
}

function checklist(inspection: TInspection, names: Map<string, string>): ChecklistItem[] {
  return [...inspection.checklist]
    .sort((a, b) => a.position - b.position)
    .map((item) => ({
      scope: AREA_SCOPES[item.areaCode],
      content: item.title,
      result: item.result ? RESULTS[item.result] : null,
      comment: item.comment || null,
      evidence: evidenceOf(item, names),
    }));
}

/** The findings once concluded; before, the requests typed on the "chưa đạt" items (no deadline yet). */
function requests(inspection: TInspection): InspectionRequest[] {
  if (inspection.findings.length > 0) {
    return inspection.findings.map((f) => ({
      scope: AREA_SCOPES[f.areaCode],
      finding: f.title,
      request: f.request,
      owner: f.ownerUnit.id === inspection.unit.id ? null : f.ownerUnit.name,
      deadline: f.deadline,
    }));
  }
  return inspection.checklist
    .filter((i) => i.result === 'chua_dat' && i.request)
    .sort((a, b) => a.position - b.position)
    .map((i) => ({ scope: AREA_SCOPES[i.areaCode], finding: i.comment ? `${i.title}: ${i.comment}` : i.title, request: i.request ?? '', deadline: null }));
}

function record(inspection: TInspection, context: InspectionDocumentContext): InspectionRecord {
  const person = (m: TInspection['team'][number]): InspectionPerson => ({ name: m.fullName, title: context.titles.get(m.userId) ?? null, unit: m.unitName });
  const leader = inspection.team.find((m) => m.role === 'leader');
  const plan: DocumentReference = {
    kind: 'Kế hoạch',
    number: inspection.plan.number || null,
    date: context.planSignedOn,
    issuer: context.commune,
    about: about(inspection.plan.title),
  };
  const reviewed = context.reviewedPlan;
  return {
    commune: context.commune,
    place: context.place,
    unit: inspection.unit.name,
    plan,
    reformPlan: reviewed ? { kind: 'Kế hoạch', number: reviewed.number, date: reviewed.issueDate, issuer: context.commune, about: about(reviewed.title) } : null,
    visitDate: inspection.visitDate,
    location: `trụ sở ${inspection.unit.name}`,
    reviewFrom: inspection.windowFrom,
    // The plan's "đến ngày được kiểm tra" prints as such; a fixed end prints its date.
    reviewTo: inspection.plan.reviewTo ? inspection.windowTo : null,
    surprise: inspection.surprise,
    leader: leader ? person(leader) : { name: '' },
    members: inspection.team.filter((m) => m.role !== 'leader').map(person),
    representatives: context.unitHead ? [context.unitHead] : [],
    selfReportDate: null,
    items: checklist(inspection, context.evidenceNames),
    requests: requests(inspection),
  };
}

export function minutesData(inspection: TInspection, context: InspectionDocumentContext, selfReportDate: string | null): InspectionMinutesData {
  return { ...record(inspection, context), selfReportDate };
}

/**
 * The notice is issued by the UBND: signed "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" by a team leader who is a deputy
 * chair, else "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH" with the name left for the signer.
 */
function signer(leader: InspectionPerson): Signature {
  if (leader.title && /phó chủ tịch/iu.test(leader.title)) return { authority: 'KT', body: 'Ủy ban nhân dân', title: 'Phó Chủ tịch', name: leader.name };
  return { authority: 'TM', body: 'Ủy ban nhân dân', title: 'Chủ tịch', name: null };
}

export function conclusionData(inspection: TInspection, context: InspectionDocumentContext): InspectionConclusionData {
  const base = record(inspection, context);
  const passed = inspection.checklist.filter((i) => i.result === 'dat' && i.comment.trim());
  const failedWithoutRequest = inspection.checklist.filter((i) => i.result === 'chua_dat' && !i.request);
  const deadlines = base.requests.flatMap((r) => (r.deadline ? [r.deadline] : [])).sort();
  const assessment = (inspection.conclusion ?? '')
    .split(/\n\s*\n|\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return {
    ...base,
    number: '/TB-UBND',
    date: inspection.concludedOn,
    issuedBy: 'commune',
    assessment: assessment.length ? assessment : [`${inspection.unit.name} đã triển khai công tác cải cách hành chính trong thời kỳ kiểm tra; kết quả cụ thể như sau.`],
    strengths: passed.map((i) => `${i.title}: ${i.comment.trim()}`),
    shortcomings: failedWithoutRequest.map((i) => ({ scope: AREA_SCOPES[i.areaCode], text: i.comment ? `${i.title}: ${i.comment}` : i.title })),
    remedyReportTo: context.coordinatorUnit,
    remedyReportBy: deadlines.length ? deadlines[deadlines.length - 1] : null,
    recipients: [`${inspection.unit.name};`, 'Chủ tịch, các Phó Chủ tịch UBND;', 'Thành viên Đoàn kiểm tra;', 'Lưu: VT.'],
    signature: signer(base.leader),
  };
}
