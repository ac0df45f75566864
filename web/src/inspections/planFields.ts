/** What the hand-made plan form and the plan import share: the choices offered and the values → request mapping. */
import { INSPECTION_FORMS, INSPECTION_PERIODS, type TArea, type TInspectionForm, type TInspectionPeriod, type TInspectionPlanInput } from '@contract';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useCommune } from '../app/commune';
import { toIsoDate } from '../app/format';
import type { Translate } from '../app/i18n';
import { useUnits } from '../app/reference';
import { usePlans } from '../plans/queries';
import { inspectionApi, useInspectionMutation } from './api';
import { type TeamValue, teamToMembers } from './TeamPicker';

export const AREAS: TArea[] = [1, 2, 3, 4, 5, 6, 7];

/** The form values both screens hold; the import adds the document's number and date. */
export interface PlanValues {
  title: string;
  year: number;
  period: TInspectionPeriod;
  reviewFrom: dayjs.Dayjs | null;
  reviewTo?: dayjs.Dayjs | null;
  areas: TArea[];
  forms: TInspectionForm[];
  coverageGoalPercent: number;
  visitMonth?: dayjs.Dayjs | null;
  selfReportDeadline?: dayjs.Dayjs | null;
  targetUnitIds: number[];
  reviewedPlanId?: number | null;
}

export const periodOptions = (t: Translate) => INSPECTION_PERIODS.map((p) => ({ value: p, label: t(`ui.insp.period.${p}`) }));
export const areaOptions = (t: Translate) => AREAS.map((a) => ({ value: a, label: `${a}. ${t(`area.${a}`)}` }));
export const formOptions = (t: Translate) => INSPECTION_FORMS.map((f) => ({ value: f, label: t(`ui.insp.form.${f}`) }));
export const goalOptions = (t: Translate) => [
  { value: 30, label: t('ui.insp.plan.goal30') },
  { value: 100, label: t('ui.insp.plan.goal100') },
];

/** The create request from the form's values (`reviewFrom` is a required field; today only if it were ever empty). */
export function toPlanInput(v: PlanValues, team: TeamValue): TInspectionPlanInput {
  return {
    title: v.title,
    year: v.year,
    period: v.period,
    reviewFrom: toIsoDate(v.reviewFrom ?? dayjs()),
    reviewTo: v.reviewTo ? toIsoDate(v.reviewTo) : null,
    areas: v.areas,
    forms: v.forms,
    coverageGoalPercent: v.coverageGoalPercent,
    visitMonth: v.visitMonth ? v.visitMonth.format('YYYY-MM') : null,
    selfReportDeadline: v.selfReportDeadline ? toIsoDate(v.selfReportDeadline) : null,
    targetUnitIds: v.targetUnitIds,
    reviewedPlanId: v.reviewedPlanId ?? null,
    team: teamToMembers(team),
  };
}

/** What both plan screens read and hold: the commune's units and plans, the team being chosen, the create call. */
export function usePlanCreation() {
  const { communeId } = useCommune();
  const units = useUnits(communeId).data ?? [];
  const plans = usePlans(communeId).data ?? [];
  const [team, setTeam] = useState<TeamValue>({ leader: null, members: [] });
  const create = useInspectionMutation((body: Parameters<typeof inspectionApi.createPlan>[1]) => inspectionApi.createPlan(communeId ?? 0, body));
  return { communeId, units, plans, team, setTeam, create };
}
