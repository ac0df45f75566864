/**
 * CCHC inspections (issue 13): the commune's inspection plan (seed 003), one inspection (visit) per
 * inspected unit with its date rules, the team that holds inspector rights for that inspection, the
 * unit's self-report (a unit report on the `de-cuong-kiem-tra-cchc` template), the checklist filled
 * during the visit, and the findings followed to closure, with re-inspections (phúc tra).
 *
 * Secrecy: a surprise inspection (không báo trước) is absent from every answer a person of the
 * inspected unit (or anyone outside the team and the commune's managers) receives before its visit day.
 */
import { z } from 'zod';
import { ZDate, ZIsoDate, ZPersonRef, ZTimestamp, ZUnitRef, zId, zIdParam, zInt, zIntParam, zText } from './common';
import { ZArea } from './vocabulary';

// ---------- vocabularies ----------

export const INSPECTION_PLAN_STATUSES = ['draft', 'issued', 'closed'] as const;
export const ZInspectionPlanStatus = z.enum(INSPECTION_PLAN_STATUSES);
export type TInspectionPlanStatus = z.infer<typeof ZInspectionPlanStatus>;

/** Year halves the plan covers ("6 tháng cuối năm" = H2), or the whole year. */
export const INSPECTION_PERIODS = ['H1', 'H2', 'Y'] as const;
export const ZInspectionPeriod = z.enum(INSPECTION_PERIODS);
export type TInspectionPeriod = z.infer<typeof ZInspectionPeriod>;

/** Forms the plan allows (seed 003 IV.1: "theo kế hoạch và đột xuất"). */
export const INSPECTION_FORMS = ['scheduled', 'surprise'] as const;
export const ZInspectionForm = z.enum(INSPECTION_FORMS);
export type TInspectionForm = z.infer<typeof ZInspectionForm>;

/**
 * Stored life of one inspection. `self_reported` is presented when the unit's self-report was
 * submitted while the inspection is `notified`.
 */
export const INSPECTION_STATUSES = ['planned', 'notified', 'self_reported', 'visited', 'concluded', 'closed'] as const;
export const ZInspectionStatus = z.enum(INSPECTION_STATUSES);
export type TInspectionStatus = z.infer<typeof ZInspectionStatus>;

/** A first inspection, or a re-inspection (phúc tra) of open findings. */
export const INSPECTION_KINDS = ['inspection', 're_inspection'] as const;
export const ZInspectionKind = z.enum(INSPECTION_KINDS);
export type TInspectionKind = z.infer<typeof ZInspectionKind>;

export const TEAM_ROLES = ['leader', 'member'] as const;
export const ZTeamRole = z.enum(TEAM_ROLES);
export type TTeamRole = z.infer<typeof ZTeamRole>;

/** đạt / chưa đạt / không áp dụng; null while not yet judged. */
export const CHECKLIST_RESULTS = ['dat', 'chua_dat', 'khong_ap_dung'] as const;
export const ZChecklistResult = z.enum(CHECKLIST_RESULTS);
export type TChecklistResult = z.infer<typeof ZChecklistResult>;

/** The seven areas ("I"…"VII"), the execution of the commune's CCHC plan ("KH"), or a re-inspected finding ("PT"). */
export const CHECKLIST_AREA_CODES = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'KH', 'PT'] as const;
export const ZChecklistAreaCode = z.enum(CHECKLIST_AREA_CODES);
export type TChecklistAreaCode = z.infer<typeof ZChecklistAreaCode>;

export const FINDING_STATUSES = ['open', 'fix_reported', 'accepted', 'reopened'] as const;
export const ZFindingStatus = z.enum(FINDING_STATUSES);
export type TFindingStatus = z.infer<typeof ZFindingStatus>;

export const FINDING_DECISIONS = ['accept', 'reopen'] as const;
export const ZFindingDecision = z.enum(FINDING_DECISIONS);
export type TFindingDecision = z.infer<typeof ZFindingDecision>;

/** Signed copies uploaded back: the minutes (Biên bản kiểm tra) and the conclusion notice (Thông báo kết luận). */
export const SIGNED_DOCUMENT_KINDS = ['minutes', 'conclusion'] as const;
export const ZSignedDocumentKind = z.enum(SIGNED_DOCUMENT_KINDS);
export type TSignedDocumentKind = z.infer<typeof ZSignedDocumentKind>;

/** Why a date breaks a rule of seed 003 / DOMAIN.md "Inspection" (warnings, never refusals). */
export const INSPECTION_WARNING_CODES = [
  /** Today is past the last day the notice may go out (visit − 5 days, on a working day). */
  'notice_late',
  /** The self-report would be due before today, or later than 3 working days before the visit. */
  'self_report_late',
  /** The plan's own self-report deadline falls after the 3-working-day rule for this visit. */
  'plan_deadline_after_rule',
  /** The visit falls on a weekend or an official day off. */
  'visit_day_off',
  /** The visit falls outside the plan's visit month. */
  'visit_outside_month',
  /** The visit is before the start of the review window. */
  'visit_before_window',
  /** The visit is in the past while still planned. */
  'visit_past',
  /** The plan does not allow surprise inspections. */
  'surprise_not_allowed',
] as const;
export const ZInspectionWarningCode = z.enum(INSPECTION_WARNING_CODES);
export type TInspectionWarningCode = z.infer<typeof ZInspectionWarningCode>;

export const ZInspectionWarning = z.object({
  code: ZInspectionWarningCode,
  /** Vietnamese, from the i18n catalogue. */
  message: z.string(),
  /** The date the rule asks for (the deadline), when there is one. */
  date: ZDate.nullable(),
});
export type TInspectionWarning = z.infer<typeof ZInspectionWarning>;

// ---------- requests: plan ----------

export const ZInspectionPlanListQuery = z.object({ year: zIntParam(1900, 2100).optional() });
export type TInspectionPlanListQuery = z.infer<typeof ZInspectionPlanListQuery>;

export const ZCoverageQuery = z.object({ year: zIntParam(1900, 2100).optional() });
export type TCoverageQuery = z.infer<typeof ZCoverageQuery>;

const ZPlanFields = z.object({
  year: zInt(1900, 2100),
  period: ZInspectionPeriod,
  title: zText(1000, { min: 1 }),
  /** "123/KH-UBND"; empty while the plan is a draft. */
  number: zText(60).optional(),
  signedOn: ZIsoDate.nullable().optional(),
  /** "Từ ngày 01/07/2025 …" */
  reviewFrom: ZIsoDate,
  /** null = "đến ngày được kiểm tra" (each inspection's window ends on its visit day). */
  reviewTo: ZIsoDate.nullable().optional(),
  /** Areas I–VII under inspection (seed 003 II.1); all seven by default. */
  areas: z.array(ZArea).max(7).optional(),
  /** The CCHC plan whose execution is inspected (seed 003 II.2), if any. */
  reviewedPlanId: zId().nullable().optional(),
  /** Forms the plan allows; both by default. */
  forms: z.array(ZInspectionForm).min(1).max(2).optional(),
  /** Share of the commune's units to inspect in the year: 30 (seeds 001, 002) or 100 (seed 004). */
  coverageGoalPercent: zInt(1, 100).optional(),
  /** "Thực hiện kiểm tra trong tháng 11 năm 2025": yyyy-mm. */
  visitMonth: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Tháng kiểm tra dạng 2025-11')
    .nullable()
    .optional(),
  /** "trước ngày 12/11/2025": the plan's self-report deadline for every unit. */
  selfReportDeadline: ZIsoDate.nullable().optional(),
  /** Units the plan names (seed 003 III.1); their scheduled inspections are created with it. */
  targetUnitIds: z.array(zId()).max(200).optional(),
  /** The uploaded plan document (imports), if the plan came from one. */
  sourceFileName: zText(255).nullable().optional(),
  team: z
    .array(z.object({ userId: zId(), role: ZTeamRole }))
    .max(50)
    .optional(),
});

export const ZInspectionPlanInput = ZPlanFields;
export type TInspectionPlanInput = z.infer<typeof ZInspectionPlanInput>;

/** Only the fields sent change; `version` is the one the client read (409 otherwise). */
export const ZInspectionPlanUpdate = ZPlanFields.partial().extend({ version: zId() });
export type TInspectionPlanUpdate = z.infer<typeof ZInspectionPlanUpdate>;

export const ZInspectionPlanStatusInput = z.object({ status: ZInspectionPlanStatus, version: zId() });
export type TInspectionPlanStatusInput = z.infer<typeof ZInspectionPlanStatusInput>;

export const ZTeamInput = z.object({ members: z.array(z.object({ userId: zId(), role: ZTeamRole })).max(50) });
export type TTeamInput = z.infer<typeof ZTeamInput>;

// ---------- requests: inspections ----------

export const ZInspectionInput = z.object({
  unitId: zId(),
  visitDate: ZIsoDate,
  surprise: z.boolean().optional(),
  /** The unit's self-report deadline; by default the earlier of the plan's and the 3-working-day rule. */
  selfReportDue: ZIsoDate.nullable().optional(),
  /** The team of this inspection; the plan's team by default. */
  team: z
    .array(z.object({ userId: zId(), role: ZTeamRole }))
    .max(50)
    .optional(),
});
export type TInspectionInput = z.infer<typeof ZInspectionInput>;

export const ZInspectionUpdate = z.object({
  version: zId(),
  visitDate: ZIsoDate.optional(),
  surprise: z.boolean().optional(),
  selfReportDue: ZIsoDate.nullable().optional(),
});
export type TInspectionUpdate = z.infer<typeof ZInspectionUpdate>;

/** `GET /api/inspections/date-check`: the warnings a date would raise, before saving (the schedule screen). */
export const ZInspectionDateCheckQuery = z.object({
  planId: zIdParam(),
  visitDate: ZIsoDate,
  surprise: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
export type TInspectionDateCheckQuery = z.infer<typeof ZInspectionDateCheckQuery>;

export const ZInspectionListQuery = z.object({
  year: zIntParam(1900, 2100).optional(),
  planId: zIdParam().optional(),
  unitId: zIdParam().optional(),
  status: ZInspectionStatus.optional(),
});
export type TInspectionListQuery = z.infer<typeof ZInspectionListQuery>;

export const ZInspectionVersionInput = z.object({ version: zId() });
export type TInspectionVersionInput = z.infer<typeof ZInspectionVersionInput>;

/** The evidence of a checklist item: uploaded files of the commune, and links to tasks and reports in the system. */
export const ZEvidence = z.object({
  fileIds: z.array(zId()).max(50).default([]),
  taskIds: z.array(zId()).max(50).default([]),
  reportIds: z.array(zId()).max(50).default([]),
  /** Other links (a product's page, a portal address). */
  links: z
    .array(zText(1000, { min: 1 }))
    .max(20)
    .default([]),
});
export type TEvidence = z.infer<typeof ZEvidence>;

export const ZChecklistItemParams = z.object({ id: zIdParam(), itemId: zIdParam() });

/**
 * One item saved (tablet, possibly after being offline): only the fields sent change; `version` is the
 * one the client read — a stale one is a 409 carrying the current item (details.current).
 */
export const ZChecklistItemUpdate = z.object({
  version: zId(),
  result: ZChecklistResult.nullable().optional(),
  comment: zText(5000, { trim: false }).optional(),
  evidence: ZEvidence.optional(),
  /** "Yêu cầu khắc phục" of a chưa đạt item: becomes a finding at the conclusion. */
  request: zText(5000).nullable().optional(),
  /** When the person typed it (offline edits arrive later); stored for the record. */
  clientUpdatedAt: z.iso.datetime().optional(),
});
export type TChecklistItemUpdate = z.infer<typeof ZChecklistItemUpdate>;

/** The leader concludes: the findings' default deadline (per finding overrides by item id). */
export const ZConcludeInput = z.object({
  version: zId(),
  conclusion: zText(20000, { trim: false }).optional(),
  findingDeadline: ZIsoDate,
  deadlines: z.record(z.string().regex(/^\d+$/), ZIsoDate).optional(),
});
export type TConcludeInput = z.infer<typeof ZConcludeInput>;

/** A re-inspection (phúc tra) of the open findings of one inspection. */
export const ZReInspectionInput = z.object({
  visitDate: ZIsoDate,
  surprise: z.boolean().optional(),
  /** The findings to re-inspect; every finding not yet accepted by default. */
  findingIds: z.array(zId()).max(200).optional(),
  team: z
    .array(z.object({ userId: zId(), role: ZTeamRole }))
    .max(50)
    .optional(),
});
export type TReInspectionInput = z.infer<typeof ZReInspectionInput>;

export const ZSignedDocumentParams = z.object({ id: zIdParam(), kind: ZSignedDocumentKind });

// ---------- requests: findings ----------

export const ZFindingListQuery = z.object({
  year: zIntParam(1900, 2100).optional(),
  unitId: zIdParam().optional(),
  status: ZFindingStatus.optional(),
  overdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
export type TFindingListQuery = z.infer<typeof ZFindingListQuery>;

export const ZFindingUpdate = z.object({ version: zId(), deadline: ZIsoDate.optional(), ownerUnitId: zId().optional() });
export type TFindingUpdate = z.infer<typeof ZFindingUpdate>;

export const ZFixReportInput = z.object({ version: zId(), text: zText(20000, { min: 1 }), evidence: ZEvidence.optional() });
export type TFixReportInput = z.infer<typeof ZFixReportInput>;

export const ZFindingReviewInput = z.object({
  version: zId(),
  decision: ZFindingDecision,
  comment: zText(5000).optional(),
  /** A new deadline when reopening. */
  deadline: ZIsoDate.optional(),
});
export type TFindingReviewInput = z.infer<typeof ZFindingReviewInput>;

// ---------- responses ----------

export const ZTeamMember = z.object({
  userId: z.number(),
  fullName: z.string(),
  unitId: z.number().nullable(),
  unitName: z.string().nullable(),
  role: ZTeamRole,
});
export type TTeamMember = z.infer<typeof ZTeamMember>;

/** Units inspected in the year against the goal (≥ 30 % or 100 % of the commune's units). */
export const ZInspectionCoverage = z.object({
  year: z.number(),
  /** The largest goal among the year's plans; 30 when there is none. */
  goalPercent: z.number(),
  /** The commune's own units (internal), the base of the percentage. */
  unitsTotal: z.number(),
  /** Units whose visit has taken place (visit day ≤ today, not a re-inspection). */
  unitsInspected: z.number(),
  /** Units with a visit still to come that the reader may know of. */
  unitsPlanned: z.number(),
  /** unitsInspected / unitsTotal × 100, one decimal. */
  percent: z.number(),
  /** Units needed to reach the goal: ceil(goal × total / 100). */
  unitsNeeded: z.number(),
  met: z.boolean(),
  inspectedUnits: z.array(ZUnitRef),
});
export type TInspectionCoverage = z.infer<typeof ZInspectionCoverage>;

export const ZDateRules = z.object({
  visit: ZDate,
  /** Last day the notice may go out; null for a surprise inspection. */
  noticeBy: ZDate.nullable(),
  /** Last day of the self-report by the 3-working-day rule; null for a surprise inspection. */
  selfReportBy: ZDate.nullable(),
});
export type TDateRules = z.infer<typeof ZDateRules>;

export const ZDateCheck = z.object({ rules: ZDateRules, warnings: z.array(ZInspectionWarning) });
export type TDateCheck = z.infer<typeof ZDateCheck>;

export const ZInspectionSummary = z.object({
  id: z.number(),
  communeId: z.number(),
  planId: z.number(),
  planTitle: z.string(),
  kind: ZInspectionKind,
  /** The inspection this one re-inspects. */
  reInspectionOf: z.number().nullable(),
  unit: ZUnitRef,
  visitDate: ZDate,
  surprise: z.boolean(),
  status: ZInspectionStatus,
  noticeSentAt: ZTimestamp.nullable(),
  selfReportDue: ZDate.nullable(),
  /** The unit's self-report (a unit report on the de-cuong-kiem-tra-cchc template), once notified. */
  selfReportId: z.number().nullable(),
  findingsOpen: z.number(),
  findingsTotal: z.number(),
  version: z.number(),
});
export type TInspectionSummary = z.infer<typeof ZInspectionSummary>;

export const ZInspectionPlanSummary = z.object({
  id: z.number(),
  communeId: z.number(),
  year: z.number(),
  period: ZInspectionPeriod,
  title: z.string(),
  number: z.string(),
  status: ZInspectionPlanStatus,
  visitMonth: z.string().nullable(),
  coverageGoalPercent: z.number(),
  /** Inspections the reader may see. */
  inspectionCount: z.number(),
});
export type TInspectionPlanSummary = z.infer<typeof ZInspectionPlanSummary>;

export const ZInspectionPlanList = z.object({
  plans: z.array(ZInspectionPlanSummary),
  coverage: ZInspectionCoverage,
  canManage: z.boolean(),
});
export type TInspectionPlanList = z.infer<typeof ZInspectionPlanList>;

export const ZInspectionPlan = z.object({
  id: z.number(),
  communeId: z.number(),
  year: z.number(),
  period: ZInspectionPeriod,
  title: z.string(),
  number: z.string(),
  signedOn: ZDate.nullable(),
  reviewFrom: ZDate,
  reviewTo: ZDate.nullable(),
  areas: z.array(ZArea),
  reviewedPlan: z.object({ id: z.number(), title: z.string() }).nullable(),
  forms: z.array(ZInspectionForm),
  coverageGoalPercent: z.number(),
  visitMonth: z.string().nullable(),
  selfReportDeadline: ZDate.nullable(),
  status: ZInspectionPlanStatus,
  sourceFileName: z.string().nullable(),
  team: z.array(ZTeamMember),
  /** The inspections the reader may see (a surprise one only by the team and managers before its day). */
  inspections: z.array(ZInspectionSummary),
  coverage: ZInspectionCoverage,
  version: z.number(),
  createdAt: ZTimestamp,
  can: z.object({ canEdit: z.boolean(), canSchedule: z.boolean(), canIssue: z.boolean(), canClose: z.boolean(), canDelete: z.boolean() }),
});
export type TInspectionPlan = z.infer<typeof ZInspectionPlan>;

export const ZEvidenceOut = z.object({
  fileIds: z.array(z.number()),
  taskIds: z.array(z.number()),
  reportIds: z.array(z.number()),
  links: z.array(z.string()),
});

export const ZChecklistItem = z.object({
  id: z.number(),
  inspectionId: z.number(),
  areaCode: ZChecklistAreaCode,
  /** Outline code ("I.1.ke_hoach", "II.2.figures", "KH.tien_do", "PT.12"). */
  itemCode: z.string(),
  title: z.string(),
  position: z.number(),
  result: ZChecklistResult.nullable(),
  comment: z.string(),
  evidence: ZEvidenceOut,
  request: z.string().nullable(),
  /** The finding re-inspected by this item (phúc tra). */
  findingId: z.number().nullable(),
  updatedBy: ZPersonRef.nullable(),
  updatedAt: ZTimestamp.nullable(),
  clientUpdatedAt: ZTimestamp.nullable(),
  version: z.number(),
});
export type TChecklistItem = z.infer<typeof ZChecklistItem>;

export const ZFindingEvent = z.object({
  action: z.enum(['created', 'fix_reported', 'accepted', 'reopened', 'edited']),
  comment: z.string().nullable(),
  at: ZTimestamp,
  actorName: z.string(),
});
export type TFindingEvent = z.infer<typeof ZFindingEvent>;

export const ZFinding = z.object({
  id: z.number(),
  communeId: z.number(),
  inspectionId: z.number(),
  checklistItemId: z.number(),
  areaCode: ZChecklistAreaCode,
  title: z.string(),
  request: z.string(),
  ownerUnit: ZUnitRef,
  deadline: ZDate,
  status: ZFindingStatus,
  /** Not accepted and past its deadline (at the server's today). */
  overdue: z.boolean(),
  fixReport: z.string().nullable(),
  fixEvidence: ZEvidenceOut,
  fixReportedOn: ZDate.nullable(),
  closedOn: ZDate.nullable(),
  /** The re-inspection planned for it, if any. */
  reInspectionId: z.number().nullable(),
  history: z.array(ZFindingEvent),
  version: z.number(),
  can: z.object({ canReportFix: z.boolean(), canReview: z.boolean(), canEdit: z.boolean() }),
});
export type TFinding = z.infer<typeof ZFinding>;

export const ZFindingList = z.object({ findings: z.array(ZFinding) });
export type TFindingList = z.infer<typeof ZFindingList>;

export const ZInspection = ZInspectionSummary.extend({
  plan: z.object({
    id: z.number(),
    title: z.string(),
    number: z.string(),
    reviewFrom: ZDate,
    reviewTo: ZDate.nullable(),
    areas: z.array(ZArea),
  }),
  /** The review window of this inspection: plan's start → its end, or the visit day. */
  windowFrom: ZDate,
  windowTo: ZDate,
  rules: ZDateRules,
  warnings: z.array(ZInspectionWarning),
  team: z.array(ZTeamMember),
  checklist: z.array(ZChecklistItem),
  findings: z.array(ZFinding),
  conclusion: z.string().nullable(),
  concludedOn: ZDate.nullable(),
  minutesFileId: z.number().nullable(),
  conclusionFileId: z.number().nullable(),
  can: z.object({
    canEdit: z.boolean(),
    canNotify: z.boolean(),
    canEditTeam: z.boolean(),
    canEditChecklist: z.boolean(),
    canMarkVisited: z.boolean(),
    canConclude: z.boolean(),
    canClose: z.boolean(),
    canReInspect: z.boolean(),
    canDelete: z.boolean(),
    canReadSelfReport: z.boolean(),
    canUploadSigned: z.boolean(),
  }),
});
export type TInspection = z.infer<typeof ZInspection>;

export const ZInspectionList = z.object({ inspections: z.array(ZInspectionSummary) });
export type TInspectionList = z.infer<typeof ZInspectionList>;

/** The inspection figures of a commune for the dashboard (added to its response). */
export const ZInspectionFigures = z.object({
  coverage: ZInspectionCoverage,
  findingsOpen: z.number(),
  findingsOverdue: z.number(),
});
export type TInspectionFigures = z.infer<typeof ZInspectionFigures>;

// ---------- web additions (insp-web) ----------

/**
 * `GET /api/communes/:communeId/inspection-team-candidates`: the commune's people the plan's team is picked from (the
 * coordinator is not an administrator, so `/api/users` is closed to them).
 */
export const ZTeamCandidate = z.object({
  userId: z.number(),
  fullName: z.string(),
  title: z.string().nullable(),
  unitId: z.number().nullable(),
  unitName: z.string().nullable(),
});
export type TTeamCandidate = z.infer<typeof ZTeamCandidate>;
export const ZTeamCandidateList = z.object({ people: z.array(ZTeamCandidate) });
export type TTeamCandidateList = z.infer<typeof ZTeamCandidateList>;
