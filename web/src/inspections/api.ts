/** The inspection cycle's API (issue 13): one place for its paths, the queries and the mutations. */
import type {
  TChecklistItem,
  TChecklistItemUpdate,
  TConcludeInput,
  TDateCheck,
  TFileMeta,
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
  TInspectionPlanImport,
  TInspectionPlanInput,
  TInspectionPlanList,
  TInspectionPlanStatusInput,
  TInspectionPlanUpdate,
  TReInspectionInput,
  TSignedDocumentKind,
  TTeamCandidateList,
} from '@contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, withQuery } from '../app/api';

const PLANS = '/api/inspection-plans';
const INSPECTIONS = '/api/inspections';
const FINDINGS = '/api/inspection-findings';
const inCommune = (communeId: number | null, what: string) => `/api/communes/${communeId}/${what}`;

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
  createPlan: (communeId: number, body: TInspectionPlanInput) => api.post<TInspectionPlan>(inCommune(communeId, 'inspection-plans'), body),
  /** Reads a plan document (seed 003) into a draft to review; nothing is saved. */
  readPlanDocument: (communeId: number | null, file: File) => upload<TInspectionPlanImport>(inCommune(communeId, 'inspection-plans/import'), file),
  updatePlan: (id: number, body: TInspectionPlanUpdate) => api.patch<TInspectionPlan>(`${PLANS}/${id}`, body),
  setPlanStatus: (id: number, body: TInspectionPlanStatusInput) => api.post<TInspectionPlan>(`${PLANS}/${id}/status`, body),
  schedule: (planId: number, body: TInspectionInput) => api.post<TInspection>(`${PLANS}/${planId}/inspections`, body),
  dateCheck: (planId: number, visitDate: string, surprise: boolean) =>
    api.get<TDateCheck>(withQuery(`${INSPECTIONS}/date-check`, { planId, visitDate, surprise: String(surprise) })),
  notify: (id: number, version: number) => api.post<TInspection>(`${INSPECTIONS}/${id}/notify`, { version }),
  markVisited: (id: number, version: number) => api.post<TInspection>(`${INSPECTIONS}/${id}/visit`, { version }),
  conclude: (id: number, body: TConcludeInput) => api.post<TInspection>(`${INSPECTIONS}/${id}/conclude`, body),
  close: (id: number, version: number) => api.post<TInspection>(`${INSPECTIONS}/${id}/close`, { version }),
  reInspect: (id: number, body: TReInspectionInput) => api.post<TInspection>(`${INSPECTIONS}/${id}/re-inspections`, body),
  saveItem: (id: number, itemId: number, body: TChecklistItemUpdate) => api.patch<TChecklistItem>(inspectionPaths.checklistItem(id, itemId), body),
  /** Evidence for a checklist item or a fix report; its id then goes into `evidence.fileIds`. */
  uploadFile: (id: number, file: File) => upload<TFileMeta>(`${INSPECTIONS}/${id}/files`, file),
  uploadSigned: (id: number, kind: TSignedDocumentKind, file: File) => upload<TInspection>(`${INSPECTIONS}/${id}/signed/${kind}`, file),
  reportFix: (id: number, body: TFixReportInput) => api.post<TFinding>(`${FINDINGS}/${id}/fix`, body),
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

export const usePlanList = (communeId: number | null, year: number) =>
  useQuery({
    queryKey: [...inspectionKeys.plans(year), communeId],
    queryFn: () => api.get<TInspectionPlanList>(withQuery(inCommune(communeId, 'inspection-plans'), { year })),
    enabled: communeId !== null,
  });

export const usePlan = (id: number) => useQuery({ queryKey: inspectionKeys.plan(id), queryFn: () => api.get<TInspectionPlan>(`${PLANS}/${id}`) });

export const useInspection = (id: number) => useQuery({ queryKey: inspectionKeys.one(id), queryFn: () => api.get<TInspection>(`${INSPECTIONS}/${id}`) });

export const useInspectionList = (communeId: number | null, query: TInspectionListQuery) =>
  useQuery({
    queryKey: [...inspectionKeys.list(query), communeId],
    queryFn: () => api.get<TInspectionList>(withQuery(inCommune(communeId, 'inspections'), { ...query })),
    enabled: communeId !== null,
  });

export const useFindings = (communeId: number | null, query: TFindingListQuery) =>
  useQuery({
    queryKey: [...inspectionKeys.findings(query), communeId],
    enabled: communeId !== null,
    queryFn: () =>
      api.get<TFindingList>(
        withQuery(inCommune(communeId, 'inspection-findings'), {
          year: query.year,
          unitId: query.unitId,
          status: query.status,
          overdue: query.overdue === undefined ? undefined : String(query.overdue),
        }),
      ),
  });

export const useTeamCandidates = (communeId: number | null) =>
  useQuery({
    queryKey: ['inspections', 'team-candidates', communeId],
    queryFn: () => api.get<TTeamCandidateList>(inCommune(communeId, 'inspection-team-candidates')),
    enabled: communeId !== null,
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
