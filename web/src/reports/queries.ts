import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../app/api';
import type { CityOverview, Period, Report, ReportAction } from './types';

export const usePeriods = (planId: number | null) =>
  useQuery({ queryKey: ['reports', 'periods', planId], queryFn: () => api.get<Period[]>(`/api/plans/${planId}/report-periods`), enabled: planId !== null });

export const useReport = (id: number) => useQuery({ queryKey: ['reports', 'one', id], queryFn: () => api.get<Report>(`/api/reports/${id}`) });

export const useCityOverview = (code: string) =>
  useQuery({ queryKey: ['reports', 'city', code], queryFn: () => api.get<CityOverview>(`/api/reports/city?code=${encodeURIComponent(code)}`) });

/** Every reports mutation refreshes every reports query: lists, the open report, the city's view. */
export function useReportMutation<I, O>(fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: ['reports'] }) });
}

export const reportApi = {
  makePeriods: (planId: number) => api.post(`/api/plans/${planId}/report-periods`, { templateKey: 'bao-cao-cchc-dinh-ky' }),
  openUnit: (periodId: number) => api.post<Report>(`/api/report-periods/${periodId}/unit-report`),
  consolidate: (periodId: number) => api.post<Report>(`/api/report-periods/${periodId}/consolidate`),
  save: (id: number, body: { version: number; asOf?: string; values?: Record<string, number | null>; narratives?: Record<string, string> }) =>
    api.patch<Report>(`/api/reports/${id}`, body),
  act: (id: number, action: ReportAction, comment?: string) => api.post<Report>(`/api/reports/${id}/${action}`, comment ? { comment } : {}),
};
