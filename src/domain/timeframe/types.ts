/** How a task's "Thời gian thực hiện/hoàn thành" cell was understood. */
export type ScheduleKind =
  | 'date' // "Trước ngày 13/01/2026"
  | 'month' // "Trong tháng 8/2025", "Tháng 01/2026"
  | 'quarter' // "Quý IV/2026", "Quý III,IV/2025" (several quarters: due at the end of the last)
  | 'range' // "Tháng 01/2026 đến tháng 5/2026", "6 tháng đầu năm"
  | 'recurring' // "Trước ngày 10 của tháng cuối quý", "Hàng quý", "Hằng tháng"
  | 'whole_period' // "Cả năm 2025", "Cả năm"
  | 'continuous' // "Thường xuyên"
  | 'external' // "Theo Văn bản của UBND thành phố": the date is set by an outside body
  | 'unspecified'; // empty or not understood

/** ISO date string, yyyy-mm-dd. */
export type IsoDate = string;

export interface Period {
  start: IsoDate;
  end: IsoDate;
}

export interface Schedule {
  text: string;
  kind: ScheduleKind;
  /** First day work may start, when the text says so. */
  start: IsoDate | null;
  /** First deadline inside the plan period, or null when there is none. */
  due: IsoDate | null;
  /** Every deadline inside the period (recurring: each occurrence; others: [due] or []). */
  occurrences: IsoDate[];
  /** Vietnamese messages for the user: why the text was not (fully) understood. */
  warnings: string[];
  /**
   * Earlier deadlines the text sets for the units that feed this task, e.g. the "(các cơ quan, đơn vị
   * gửi báo cáo trước ngày 05 của tháng cuối quý …)" of a commune report. Not the task's own deadlines;
   * absent when the text has none.
   */
  unitDeadlines?: IsoDate[];
}
