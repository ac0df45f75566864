import type { TCityReports, TGeneratedPeriods, TPeriodUpdate, TPeriodWithReports, TReport, TReportAction, TReportEdit, TReportPeriod, TReportTemplateVersion } from '@contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../app/api';

export const usePeriods = (planId: number | null) =>
  useQuery({
    queryKey: ['reports', 'periods', planId],
    queryFn: () => api.get<TPeriodWithReports[]>(`/api/plans/${planId}/report-periods`),
    enabled: planId !== null,
  });

export const useReport = (id: number) => useQuery({ queryKey: ['reports', 'one', id], queryFn: () => api.get<TReport>(`/api/reports/${id}`) });

export const useCityOverview = (code: string) =>
  useQuery({ queryKey: ['reports', 'city', code], queryFn: () => api.get<TCityReports>(`/api/reports/city?code=${encodeURIComponent(code)}`) });

export const useTemplates = () => useQuery({ queryKey: ['reports', 'templates'], queryFn: () => api.get<TReportTemplateVersion[]>('/api/report-templates') });

/** Every reports mutation refreshes every reports query: lists, the open report, the city's view, the templates. */
export function useReportMutation<I, O>(fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: ['reports'] }) });
}

export const reportApi = {
  makePeriods: (planId: number) => api.post<TGeneratedPeriods>(`/api/plans/${planId}/report-periods`, { templateKey: 'bao-cao-cchc-dinh-ky' }),
  editPeriod: (periodId: number, body: TPeriodUpdate) => api.patch<TReportPeriod>(`/api/report-periods/${periodId}`, body),
  openUnit: (periodId: number) => api.post<TReport>(`/api/report-periods/${periodId}/unit-report`),
  consolidate: (periodId: number) => api.post<TReport>(`/api/report-periods/${periodId}/consolidate`),
  save: (id: number, body: TReportEdit) => api.patch<TReport>(`/api/reports/${id}`, body),
  act: (id: number, action: TReportAction, comment?: string) => api.post<TReport>(`/api/reports/${id}/${action}`, comment ? { comment } : {}),
  loadTemplateJson: (body: unknown) => api.post<TReportTemplateVersion>('/api/report-templates', body),
  loadTemplateExcel: (file: File, meta: { key: string; name: string }) => {
    const form = new FormData();
    form.append('file', file);
    const query = new URLSearchParams(meta).toString();
    return api.upload<TReportTemplateVersion>(`/api/report-templates/excel?${query}`, form);
  },
};
