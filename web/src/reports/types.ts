/** Shapes of the reports API (src/server/reports), as the screens read them. */
export type ReportStatus = 'draft' | 'submitted' | 'returned' | 'accepted' | 'approved' | 'sent';
export type ReportAction = 'submit' | 'return' | 'accept' | 'approve' | 'send' | 'city_return';

export interface PeriodReportRef {
  id: number;
  level: 'unit' | 'commune';
  unitId: number | null;
  unitName: string | null;
  status: ReportStatus;
  submittedOn: string | null;
  daysLate: number | null;
}

export interface Period {
  id: number;
  code: string;
  label: string;
  windowStart: string;
  windowEnd: string;
  unitDeadline: string;
  communeDeadline: string;
  canManage: boolean;
  reports: PeriodReportRef[];
}

export type TemplateItem =
  | { kind: 'narrative'; code: string; title: string }
  | { kind: 'figure'; code: string; title: string; unit: 'count' | 'percent' | 'money'; partOf?: string }
  | { kind: 'computed'; code: string; title: string; key: string; unit: 'count' | 'percent' | 'money' };

export interface TemplateSection {
  code: string;
  title: string;
  items: TemplateItem[];
  sections: TemplateSection[];
}

export interface Report {
  id: number;
  communeName: string;
  level: 'unit' | 'commune';
  unitName: string | null;
  period: { label: string; windowStart: string; windowEnd: string };
  template: { key: string; version: number; name: string; body: { sections: TemplateSection[] } };
  status: ReportStatus;
  asOf: string;
  values: Record<string, number | null>;
  narratives: Record<string, string>;
  computed: { code: string; key: string; value: number; frozen: number | null; live: number; differs: boolean }[];
  submittedOn: string | null;
  deadline: string;
  daysLate: number | null;
  returnComment: string | null;
  version: number;
  can: { edit: boolean; submit: boolean; return: boolean; accept: boolean; approve: boolean; send: boolean; cityReturn: boolean };
}

export interface CityOverview {
  code: string;
  communes: {
    communeId: number;
    communeName: string;
    reportId: number | null;
    state: 'on_time' | 'late' | 'missing' | 'not_due';
    submittedOn: string | null;
    daysLate: number | null;
  }[];
  figures: { code: string; title: string; unit: string; values: Record<string, number | null> }[];
}
