/** What the official-document builders take: plain data, no database rows. */

export interface IssuingBody {
  /** The body above the issuer ("ỦY BAN NHÂN DÂN XÃ TIÊN LÃNG" over one of its units); none for the UBND itself. */
  governingBody?: string | null;
  /** The issuer as written in the document ("Ủy ban nhân dân xã Tiên Lãng"); printed in capitals. */
  name: string;
}

export interface Signature {
  /** own = the head signs in their own name (a unit's report: only the title line); TM. = on behalf of the collective body (signed by the Chủ tịch); KT. = signed by a deputy for the Chủ tịch. */
  authority: 'TM' | 'KT' | 'own';
  /** Name of the collective body for TM. ("ỦY BAN NHÂN DÂN"); with KT., given when the deputy signs for a collective body (both lines print). */
  body?: string;
  /** Signer's title: "CHỦ TỊCH", or for KT. the deputy's "PHÓ CHỦ TỊCH". */
  title: string;
  /** Signer's full name; null leaves the line empty for the name written at signing. */
  name: string | null;
}

export type BodyBlock =
  | { kind: 'heading'; text: string; level: 1 | 2 }
  | { kind: 'paragraph'; text: string; italic?: boolean }
  | { kind: 'figures'; caption?: string; columns: string[]; rows: (string | number)[][] };

export interface OfficialDocument {
  issuer: IssuingBody;
  /** "12/KH-UBND" or "/KH-UBND" (number left blank). */
  number: string;
  place: string;
  /** ISO date; null keeps the gaps to be filled at signing. */
  date: string | null;
  /** Year printed when the date is blank. */
  year: number | null;
  /** KẾ HOẠCH, BÁO CÁO … */
  type: string;
  /** The summary (trích yếu) under the document type. */
  summary: string;
  /** Set when the document is issued with a decision ("Kèm theo Quyết định số …"): no number line then. */
  attachedTo?: string | null;
  body: BodyBlock[];
  recipients: string[];
  signature: Signature;
}

export interface AppendixTask {
  /** TT printed in the first column. */
  number: string;
  content: string;
  lead: string;
  coordinators: string;
  timeframe: string;
  product: string;
}

export interface AppendixGroup {
  /** "I", "II" … or "" for tasks whose area is unknown. */
  numeral: string;
  heading: string;
  tasks: AppendixTask[];
}

export interface PlanAppendix {
  /** "DANH MỤC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2026". */
  title: string;
  /** "(Kèm theo Kế hoạch số …/KH-UBND ngày … của …)". */
  note: string;
  groups: AppendixGroup[];
}

export interface PlanDocument extends OfficialDocument {
  appendix: PlanAppendix;
}

export type ReportDocument = OfficialDocument;

/* ---------- inspections (Biên bản kiểm tra, Thông báo kết luận kiểm tra) ---------- */

/** 1–7: the reform areas I–VII; 'plan': the execution of the commune's CCHC plan (seed 003, II.2); 'followup': the remedy of earlier findings (phúc tra). */
export type InspectionScope = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 'plan' | 'followup';

/** đạt / chưa đạt / không áp dụng; null: not assessed yet (printed as an empty cell). */
export type ChecklistResult = 'pass' | 'fail' | 'na' | null;

export interface InspectionPerson {
  name: string;
  /** "Phó Chủ tịch UBND xã", "Trưởng phòng", "Chuyên viên" … */
  title?: string | null;
  /** The person's unit ("Phòng Văn hóa - Xã hội"); team members come from several units. */
  unit?: string | null;
}

/** The document a text cites ("Kế hoạch số 12/KH-UBND ngày 20/10/2025 của Ủy ban nhân dân xã … về …"). */
export interface DocumentReference {
  /** "Kế hoạch", "Quyết định" … */
  kind: string;
  /** "12/KH-UBND"; null or "/KH-UBND" when it was issued without a number we know. */
  number: string | null;
  /** ISO date. */
  date: string | null;
  /** "Ủy ban nhân dân xã Cẩm Giang". */
  issuer: string;
  /** What it is about, after "về": "kiểm tra công tác cải cách hành chính 6 tháng cuối năm 2025". */
  about: string;
}

export interface ChecklistItem {
  scope: InspectionScope;
  /** The checked content ("Ban hành kế hoạch CCHC năm 2025 đúng thời hạn"). */
  content: string;
  result: ChecklistResult;
  comment?: string | null;
  /** Evidence as it should be printed: file names, "Báo cáo số 35/BC-VHXH" … */
  evidence?: string[];
}

/** A shortcoming with what the unit must do about it (a "chưa đạt" item with a request). */
export interface InspectionRequest {
  scope: InspectionScope | null;
  /** What was found ("Chưa ban hành kế hoạch tuyên truyền CCHC năm 2025"). */
  finding: string;
  /** What the unit must do ("Ban hành kế hoạch tuyên truyền …"). */
  request: string;
  /** Unit responsible for the remedy (the inspected unit when absent). */
  owner?: string | null;
  /** ISO date by which the remedy is due. */
  deadline: string | null;
}

/** A visit as recorded: the source of both documents. */
export interface InspectionRecord {
  /** The commune ("Ủy ban nhân dân xã Cẩm Giang"): issuer of the conclusion, governing body of the team. */
  commune: string;
  /** Place name of the header's date line ("Cẩm Giang"). */
  place: string;
  /** The inspected unit ("Phòng Kinh tế"). */
  unit: string;
  /** The inspection plan the visit carries out. */
  plan: DocumentReference;
  /** The CCHC plan whose execution is checked (scope 'plan'), when known. */
  reformPlan?: DocumentReference | null;
  /** The decision setting up the team, when there is one. */
  teamDecision?: DocumentReference | null;
  /** ISO date of the visit; time "08:00" when recorded. */
  visitDate: string;
  startTime?: string | null;
  endTime?: string | null;
  /** Where the team worked ("trụ sở Phòng Kinh tế"). */
  location: string;
  /** Review window: from, and to (null: "đến ngày được kiểm tra"). */
  reviewFrom: string;
  reviewTo: string | null;
  surprise: boolean;
  leader: InspectionPerson;
  members: InspectionPerson[];
  /** The unit's people present; the first is the head who signs. */
  representatives: InspectionPerson[];
  /** Date the unit's self-report reached the team (null: none, e.g. surprise visit). */
  selfReportDate?: string | null;
  items: ChecklistItem[];
  requests: InspectionRequest[];
}

export interface InspectionMinutesData extends InspectionRecord {
  /** "…/BB-ĐKT"; blank number by default. */
  number?: string | null;
  /** What the unit said about the results; absent: it agreed. */
  unitOpinion?: string | null;
  /** Copies the minutes are made in (02 by default: the team and the unit). */
  copies?: number;
}

export interface InspectionConclusionData extends InspectionRecord {
  /** "…/TB-UBND" (issued by the UBND) or "…/TB-ĐKT" (by the team). */
  number: string;
  /** ISO date of the notice (null: written at signing). */
  date: string | null;
  /** Who issues it: the UBND (signed TM./KT.) or the team itself (signed by its leader). */
  issuedBy: 'commune' | 'team';
  /** General assessment: one paragraph a string. */
  assessment: string[];
  strengths: string[];
  /** Shortcomings besides the requests' findings (printed under their area). */
  shortcomings?: { scope: InspectionScope | null; text: string }[];
  /** The remedy report is sent to this unit ("Phòng Văn hóa - Xã hội") by this date. */
  remedyReportTo?: string | null;
  remedyReportBy?: string | null;
  recipients: string[];
  signature: Signature;
}
