/** The inspection cycle's API (issue 13): one place for its paths, the queries and the mutations. */
import type {
  TChecklistItem,
  TChecklistItemUpdate,
  TConcludeInput,
  TDateCheck,
  TEvidenceFile,
  TFinding,
  TFindingList,
  TFindingListQuery,
  TFindingReviewInput,
  TFixReportInput,
  TInspection,
  TInspectionInput,
  TInspectionList,
  TInspectionListQuery,
  TInspectionPlan,
  TInspectionPlanInput,
  TInspectionPlanList,
  TInspectionPlanStatusInput,
  TInspectionPlanUpdate,
  TReInspectionInput,
  TSignedDocumentKind,
  TTeamCandidateList,
  TTeamInput,
} from '@contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, withQuery } from '../app/api';

const PLANS = '/api/inspection-plans';
const INSPECTIONS = '/api/inspections';
const FINDINGS = '/api/findings';

export const inspectionPaths = {
  minutesDocx: (id: number) => `${INSPECTIONS}/${id}/minutes.docx`,
  conclusionDocx: (id: number) => `${INSPECTIONS}/${id}/conclusion.docx`,
  file: (fileId: number) => `/api/files/${fileId}`,
  checklistItem: (id: number, itemId: number) => `${INSPECTIONS}/${id}/checklist/${itemId}`,
};

const upload = <T>(path: string, file: File) => {
  const form = new FormData();
  form.append('file', file);
  return api.upload<T>(path, form);
};

export const inspectionApi = {
  createPlan: (body: TInspectionPlanInput) => api.post<TInspectionPlan>(PLANS, body),
  updatePlan: (id: number, body: TInspectionPlanUpdate) => api.patch<TInspectionPlan>(`${PLANS}/${id}`, body),
  setPlanStatus: (id: number, body: TInspectionPlanStatusInput) => api.post<TInspectionPlan>(`${PLANS}/${id}/status`, body),
  setPlanTeam: (id: number, body: TTeamInput) => api.put<TInspectionPlan>(`${PLANS}/${id}/team`, body),
  schedule: (planId: number, body: TInspectionInput) => api.post<TInspection>(`${PLANS}/${planId}/inspections`, body),
  dateCheck: (planId: number, visitDate: string, surprise: boolean) =>
    api.get<TDateCheck>(withQuery(`${INSPECTIONS}/date-check`, { planId, visitDate, surprise: String(surprise) })),
  notify: (id: number, version: number) => api.post<TInspection>(`${INSPECTIONS}/${id}/notify`, { version }),
  markVisited: (id: number, version: number) => api.post<TInspection>(`${INSPECTIONS}/${id}/visited`, { version }),
  conclude: (id: number, body: TConcludeInput) => api.post<TInspection>(`${INSPECTIONS}/${id}/conclude`, body),
  close: (id: number, version: number) => api.post<TInspection>(`${INSPECTIONS}/${id}/close`, { version }),
  reInspect: (id: number, body: TReInspectionInput) => api.post<TInspection>(`${INSPECTIONS}/${id}/re-inspection`, body),
  saveItem: (id: number, itemId: number, body: TChecklistItemUpdate) => api.patch<TChecklistItem>(inspectionPaths.checklistItem(id, itemId), body),
  uploadEvidence: (id: number, file: File) => upload<TEvidenceFile>(`${INSPECTIONS}/${id}/files`, file),
  uploadSigned: (id: number, kind: TSignedDocumentKind, file: File) => upload<TInspection>(`${INSPECTIONS}/${id}/signed/${kind}`, file),
  reportFix: (id: number, body: TFixReportInput) => api.post<TFinding>(`${FINDINGS}/${id}/fix`, body),
  uploadFixEvidence: (id: number, file: File) => upload<TEvidenceFile>(`${FINDINGS}/${id}/files`, file),
  review: (id: number, body: TFindingReviewInput) => api.post<TFinding>(`${FINDINGS}/${id}/review`, body),
};

export const inspectionKeys = {
  all: ['inspections'] as const,
  plans: (year: number) => ['inspections', 'plans', year] as const,
  plan: (id: number) => ['inspections', 'plan', id] as const,
  one: (id: number) => ['inspections', 'one', id] as const,
  list: (query: TInspectionListQuery) => ['inspections', 'list', query] as const,
  findings: (query: TFindingListQuery) => ['inspections', 'findings', query] as const,
};

export const usePlanList = (year: number) => useQuery({ queryKey: inspectionKeys.plans(year), queryFn: () => api.get<TInspectionPlanList>(withQuery(PLANS, { year })) });

export const usePlan = (id: number) => useQuery({ queryKey: inspectionKeys.plan(id), queryFn: () => api.get<TInspectionPlan>(`${PLANS}/${id}`) });

export const useInspection = (id: number) => useQuery({ queryKey: inspectionKeys.one(id), queryFn: () => api.get<TInspection>(`${INSPECTIONS}/${id}`) });

export const useInspectionList = (query: TInspectionListQuery) =>
  useQuery({ queryKey: inspectionKeys.list(query), queryFn: () => api.get<TInspectionList>(withQuery(INSPECTIONS, { ...query })) });

export const useFindings = (query: TFindingListQuery) =>
  useQuery({
    queryKey: inspectionKeys.findings(query),
    queryFn: () =>
      api.get<TFindingList>(
        withQuery(FINDINGS, { year: query.year, unitId: query.unitId, status: query.status, overdue: query.overdue === undefined ? undefined : String(query.overdue) }),
      ),
  });

export const useTeamCandidates = (enabled: boolean) =>
  useQuery({
    queryKey: ['inspections', 'team-candidates'],
    queryFn: () => api.get<TTeamCandidateList>(`${INSPECTIONS}/team-candidates`),
    enabled,
    staleTime: 300_000,
  });

/** The warnings a visit date would raise, asked before saving (none asked while the date is empty). */
export const useDateCheck = (planId: number, visitDate: string | null, surprise: boolean) =>
  useQuery({
    queryKey: ['inspections', 'date-check', planId, visitDate, surprise],
    queryFn: () => inspectionApi.dateCheck(planId, visitDate ?? '', surprise),
    enabled: visitDate !== null,
  });

/** Every inspection mutation refreshes every inspection query (plans, coverage, findings) and the dashboard. */
export function useInspectionMutation<I, O>(fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: inspectionKeys.all }), client.invalidateQueries({ queryKey: ['dashboard'] })]),
  });
}
