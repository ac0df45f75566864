/** Plans (kế hoạch) and their key targets (chỉ tiêu). */
import { z } from 'zod';
import { ZCommuneIdQuery, ZDate, ZIsoDate, zId, zText } from './common';
import { ZAmendmentChangeKind, ZAmendmentStatus, ZComparator, ZPlanKind, ZPlanStatus, ZProposalStatus, ZTaskStatus } from './vocabulary';

export const ZTargetInput = z.object({
  text: zText(2000, { min: 1 }),
  comparator: ZComparator.nullable(),
  value: z.number().min(-1e12).max(1e12).nullable(),
  unit: zText(30).nullable(),
});
export type TTargetInput = z.infer<typeof ZTargetInput>;

export const ZPlanInput = z.object({
  communeId: zId(),
  kind: ZPlanKind,
  title: zText(500, { min: 1, minMessage: 'Vui lòng nhập tên kế hoạch', maxMessage: 'Tên kế hoạch tối đa 500 ký tự' }),
  number: zText(60).nullable().optional(),
  issuer: zText(300).nullable().optional(),
  issueDate: ZIsoDate.nullable().optional(),
  signer: zText(200).nullable().optional(),
  periodStart: ZIsoDate,
  periodEnd: ZIsoDate,
  status: ZPlanStatus.optional(),
  reportingRegime: zText(5000, { trim: false }).nullable().optional(),
  targets: z.array(ZTargetInput).max(100).optional(),
});
export type TPlanInput = z.infer<typeof ZPlanInput>;

/** A new plan is always a draft: it is issued through submit and issue. */
export const ZPlanCreate = ZPlanInput.omit({ status: true });
export type TPlanCreate = z.infer<typeof ZPlanCreate>;

/** A draft's metadata and targets; its status moves only through submit / issue / close. */
export const ZPlanUpdate = ZPlanInput.omit({ communeId: true, status: true }).partial();
export type TPlanUpdate = z.infer<typeof ZPlanUpdate>;

/** The date plans' tasks are judged at: the request's, or the server clock's today. */
export const ZAsOfQuery = z.object({ asOf: ZIsoDate.optional() });
export const ZPlanQuery = ZCommuneIdQuery.extend(ZAsOfQuery.shape);

export const ZTarget = ZTargetInput.extend({ id: z.number(), text: z.string(), unit: z.string().nullable() });
export type TTarget = z.infer<typeof ZTarget>;

/** A plan in a list: its tasks counted by status as of today. */
export const ZPlanSummary = z.object({
  id: z.number(),
  communeId: z.number(),
  communeName: z.string(),
  kind: ZPlanKind,
  title: z.string(),
  number: z.string().nullable(),
  issuer: z.string().nullable(),
  issueDate: ZDate.nullable(),
  periodStart: ZDate,
  periodEnd: ZDate,
  status: ZPlanStatus,
  taskCount: z.number(),
  doneCount: z.number(),
  overdueCount: z.number(),
  /** May change the plan's title, period, targets … */
  canEdit: z.boolean(),
  /** May add tasks to the plan. */
  canAddTask: z.boolean(),
  signer: z.string().nullable(),
  /** The version in force now (1 once issued, one more per decided amendment). */
  version: z.number(),
  closedOn: ZDate.nullable(),
  /** Counts by status on the closing day: the plan's final result. */
  finalResult: z.record(ZTaskStatus, z.number()).nullable(),
  hasDocument: z.boolean(),
  canSubmit: z.boolean(),
  /** The leader: issue a submitted plan, or send it back to draft. */
  canIssue: z.boolean(),
  canDelete: z.boolean(),
  canClose: z.boolean(),
  canCarryOver: z.boolean(),
  /** A unit (or the coordinator) may propose a change to the issued plan. */
  canPropose: z.boolean(),
  /** The coordinator gathers proposals into an amendment. */
  canGather: z.boolean(),
  /** The leader decides an amendment. */
  canDecide: z.boolean(),
});
export type TPlanSummary = z.infer<typeof ZPlanSummary>;

export const ZPlanSummaryList = z.array(ZPlanSummary);

const ZPlanLink = z.object({ id: z.number(), title: z.string(), periodStart: ZDate, periodEnd: ZDate });

export const ZPlanDetail = ZPlanSummary.extend({
  reportingRegime: z.string().nullable(),
  targets: z.array(ZTarget),
  /** The plan this one carries tasks over from, and the plans that carry this one's tasks on. */
  previousPlan: ZPlanLink.nullable(),
  nextPlans: z.array(ZPlanLink),
});
export type TPlanDetail = z.infer<typeof ZPlanDetail>;

// ---------------------------------------------------------------- life: issue, close, carry over

export const ZIssuePlan = z.object({
  number: zText(60, { min: 1, minMessage: 'Vui lòng nhập số kế hoạch' }),
  issueDate: ZIsoDate,
  signer: zText(200, { min: 1, minMessage: 'Vui lòng nhập người ký' }),
});
export type TIssuePlan = z.infer<typeof ZIssuePlan>;

export const ZCarryOver = z.object({
  targetPlanId: zId(),
  taskIds: z.array(zId()).min(1).max(500),
});
export type TCarryOver = z.infer<typeof ZCarryOver>;

export const ZCarryOverResult = z.object({ targetPlanId: z.number(), carried: z.number() });

/** A plan already stored that an import matches (same number, or same title and period). */
export const ZDuplicatePlan = z.object({ id: z.number(), title: z.string(), number: z.string().nullable(), status: ZPlanStatus, reason: z.enum(['number', 'title_period']) });
export type TDuplicatePlan = z.infer<typeof ZDuplicatePlan>;

// ---------------------------------------------------------------- amendments

/** The new task, time frame, lead units or product a proposal asks for. */
export const ZProposedChange = z.object({
  content: zText(5000).optional(),
  area: z.number().int().min(1).max(7).optional(),
  timeframeText: zText(1000).optional(),
  product: zText(3000).optional(),
  leadUnitIds: z.array(zId()).max(20).optional(),
  coordinatorUnitIds: z.array(zId()).max(40).optional(),
});

export const ZProposalInput = z.object({
  kind: ZAmendmentChangeKind,
  /** The task changed or dropped; none for a new task. */
  taskId: zId().nullable().optional(),
  /** The proposing unit; a unit's people always propose for their own unit. */
  unitId: zId().nullable().optional(),
  change: ZProposedChange,
  reason: zText(2000, { min: 1, minMessage: 'Vui lòng nêu lý do đề xuất' }),
});
export type TProposalInput = z.infer<typeof ZProposalInput>;

export const ZProposal = z.object({
  id: z.number(),
  planId: z.number(),
  amendmentId: z.number().nullable(),
  unit: z.object({ id: z.number(), name: z.string() }).nullable(),
  kind: ZAmendmentChangeKind,
  taskId: z.number().nullable(),
  taskContent: z.string().nullable(),
  change: ZProposedChange,
  before: ZProposedChange.nullable(),
  reason: z.string(),
  status: ZProposalStatus,
  proposedBy: z.string().nullable(),
  createdAt: z.string(),
});
export type TProposal = z.infer<typeof ZProposal>;

export const ZAmendmentInput = z.object({
  title: zText(500, { min: 1, minMessage: 'Vui lòng nhập tên điều chỉnh' }),
  proposalIds: z.array(zId()).min(1, 'Điều chỉnh cần ít nhất một đề xuất').max(200),
});
export type TAmendmentInput = z.infer<typeof ZAmendmentInput>;

export const ZDecideAmendment = z.object({
  decisionNumber: zText(60, { min: 1, minMessage: 'Vui lòng nhập số văn bản quyết định' }),
  decisionDate: ZIsoDate,
  /** Proposals of the amendment the leader does not accept. */
  rejectedProposalIds: z.array(zId()).max(200).optional(),
});
export type TDecideAmendment = z.infer<typeof ZDecideAmendment>;

export const ZAmendment = z.object({
  id: z.number(),
  planId: z.number(),
  title: z.string(),
  status: ZAmendmentStatus,
  decisionNumber: z.string().nullable(),
  decisionDate: ZDate.nullable(),
  version: z.number().nullable(),
  proposals: z.array(ZProposal),
});
export type TAmendment = z.infer<typeof ZAmendment>;

export const ZPlanVersion = z.object({
  version: z.number(),
  inForceFrom: ZDate,
  documentNumber: z.string().nullable(),
  documentDate: ZDate.nullable(),
  amendmentId: z.number().nullable(),
  taskCount: z.number(),
});

/** The plan's amendment story: proposals waiting, amendments, versions. */
export const ZPlanAmendments = z.object({
  versions: z.array(ZPlanVersion),
  amendments: z.array(ZAmendment),
  /** Proposals not yet gathered into an amendment. */
  pending: z.array(ZProposal),
});
export type TPlanAmendments = z.infer<typeof ZPlanAmendments>;

const ZDiffTask = z.object({ taskId: z.number(), content: z.string(), from: z.string().nullable(), to: z.string().nullable() });

/** What changed between two versions: tasks added, removed, rescheduled, and lead or product changed. */
export const ZVersionDiff = z.object({
  from: z.number(),
  to: z.number(),
  added: z.array(ZDiffTask),
  removed: z.array(ZDiffTask),
  rescheduled: z.array(ZDiffTask),
  leadChanged: z.array(ZDiffTask),
  productChanged: z.array(ZDiffTask),
});
export type TVersionDiff = z.infer<typeof ZVersionDiff>;
export const ZVersionDiffQuery = z.object({ from: z.coerce.number().int().min(1).max(1000), to: z.coerce.number().int().min(1).max(1000) });
