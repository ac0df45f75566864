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
