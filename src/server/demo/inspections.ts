/**
 * The demo's inspections (issue 13): Cẩm Giàng's inspection plan for the second half of 2025 as
 * seed 003 writes it (four units, visits in November 2025, self-reports by 12/11/2025), concluded
 * with findings, some closed; and Tiên Lãng's plan for the year of `today`, with `kiemtra` leading
 * the team, one unit visited and one visit to come, so the demo's year has a coverage figure.
 */
import { eq } from 'drizzle-orm';
import type { TChecklistResult } from '../../contract';
import { addDays, createCalendar, OFFICIAL_OVERRIDES } from '../../domain/calendar';
import { defaultSelfReportDue, generateChecklist } from '../../domain/inspection';
import type { ReportTemplate } from '../../domain/reports';
import { SHIPPED_TEMPLATES } from '../../domain/reports/templates';
import { unitKey } from '../../importer';
import type { DbOrTx } from '../db';
import { inspectionChecklistItems, inspectionFindings, inspectionPlans, inspections, inspectionTeam, users } from '../db/schema';

const calendar = createCalendar(OFFICIAL_OVERRIDES);
const outline = SHIPPED_TEMPLATES.find((t) => (t as ReportTemplate).key === 'de-cuong-kiem-tra-cchc') as ReportTemplate;

interface Visit {
  unit: string;
  visitDate: string;
  status: 'planned' | 'concluded' | 'closed';
  /** Item positions judged chưa đạt, with their request and the finding's fate. */
  notMet?: { position: number; request: string; finding: 'accepted' | 'fix_reported' | 'open' }[];
}

async function userId(tx: DbOrTx, username: string): Promise<number> {
  const [row] = await tx.select({ id: users.id }).from(users).where(eq(users.username, username));
  return row.id;
}

const workingDayOnOrAfter = (date: string) => (calendar.isWorkingDay(date) ? date : calendar.addWorkingDays(date, 1));

async function addVisit(
  tx: DbOrTx,
  communeId: number,
  planId: number,
  unitId: number,
  team: { userId: number; role: 'leader' | 'member' }[],
  visit: Visit,
  plan: { areas: number[]; reviewed: string | null; selfReportDeadline: string | null },
  leaderId: number,
) {
  const concluded = visit.status !== 'planned';
  const [row] = await tx
    .insert(inspections)
    .values({
      communeId,
      planId,
      unitId,
      visitDate: visit.visitDate,
      selfReportDue: defaultSelfReportDue(calendar, visit.visitDate, false, plan.selfReportDeadline),
      noticeSentAt: concluded ? new Date(`${addDays(visit.visitDate, -7)}T09:00:00+07:00`) : null,
      status: visit.status,
      conclusion: concluded ? 'Đơn vị đã triển khai công tác CCHC theo kế hoạch; một số nội dung cần khắc phục theo kiến nghị của Đoàn.' : null,
      concludedOn: concluded ? addDays(visit.visitDate, 7) : null,
      createdBy: leaderId,
    })
    .returning();
  await tx.insert(inspectionTeam).values(team.map((m) => ({ communeId, inspectionId: row.id, userId: m.userId, role: m.role })));
  const items = generateChecklist(outline, { areas: plan.areas, reviewedPlanTitle: plan.reviewed });
  const notMet = new Map((visit.notMet ?? []).map((n) => [n.position, n]));
  const inserted = await tx
    .insert(inspectionChecklistItems)
    .values(
      items.map((item) => {
        const miss = notMet.get(item.position);
        const result: TChecklistResult | null = concluded ? (miss ? 'chua_dat' : 'dat') : null;
        return {
          ...item,
          communeId,
          inspectionId: row.id,
          result,
          comment: miss ? 'Chưa có hồ sơ kiểm chứng.' : '',
          request: miss?.request ?? null,
          updatedBy: concluded ? leaderId : null,
        };
      }),
    )
    .returning();
  const deadline = addDays(visit.visitDate, 40);
  for (const miss of visit.notMet ?? []) {
    const item = inserted.find((i) => i.position === miss.position);
    if (!item) continue;
    const created = { action: 'created' as const, comment: null, at: `${addDays(visit.visitDate, 7)}T02:00:00.000Z`, actorId: leaderId, actorName: 'Đoàn kiểm tra' };
    const fixed = { action: 'fix_reported' as const, comment: 'Đơn vị đã bổ sung hồ sơ.', at: `${addDays(deadline, -10)}T02:00:00.000Z`, actorId: leaderId, actorName: 'Đơn vị' };
    const accepted = { action: 'accepted' as const, comment: null, at: `${addDays(deadline, -5)}T02:00:00.000Z`, actorId: leaderId, actorName: 'Đoàn kiểm tra' };
    const history = miss.finding === 'open' ? [created] : miss.finding === 'fix_reported' ? [created, fixed] : [created, fixed, accepted];
    await tx.insert(inspectionFindings).values({
      communeId,
      inspectionId: row.id,
      checklistItemId: item.id,
      ownerUnitId: unitId,
      areaCode: item.areaCode,
      title: item.title,
      request: miss.request,
      deadline,
      status: miss.finding,
      fixReport: miss.finding === 'open' ? null : 'Đơn vị đã bổ sung hồ sơ.',
      fixReportedOn: miss.finding === 'open' ? null : addDays(deadline, -10),
      closedOn: miss.finding === 'accepted' ? addDays(deadline, -5) : null,
      history,
    });
  }
}

export async function loadDemoInspections(tx: DbOrTx, communeIds: Map<string, number>, unitKeys: Map<string, Map<string, number>>, today: string) {
  const unitOf = (commune: string, name: string) => {
    const id = unitKeys.get(commune)?.get(unitKey(name));
    if (id === undefined) throw new Error(`demo: no unit ${name} in ${commune}`);
    return id;
  };
  // Cẩm Giàng, seed 003.
  const camGiang = communeIds.get('cam-giang') as number;
  const coordinatorCg = await userId(tx, 'daumoi.cg');
  const [cg] = await tx
    .insert(inspectionPlans)
    .values({
      communeId: camGiang,
      year: 2025,
      period: 'H2',
      title: 'Kế hoạch kiểm tra công tác cải cách hành chính nhà nước 6 tháng cuối năm 2025',
      reviewFrom: '2025-07-01',
      areas: [1, 2, 3, 4, 5, 6, 7],
      forms: ['scheduled', 'surprise'],
      coverageGoalPercent: 30,
      visitMonth: '2025-11',
      selfReportDeadline: '2025-11-12',
      status: 'issued',
      sourceFileName: 'ke-hoach-kiem-tra-cchc-6-thang-cuoi-2025.docx',
      createdBy: coordinatorCg,
    })
    .returning();
  const cgTeam = [{ userId: coordinatorCg, role: 'leader' as const }];
  await tx.insert(inspectionTeam).values(cgTeam.map((m) => ({ communeId: camGiang, planId: cg.id, ...m })));
  const cgPlan = { areas: cg.areas, reviewed: 'Quyết định số 225/QĐ-UBND ngày 28/7/2025', selfReportDeadline: cg.selfReportDeadline };
  const cgVisits: Visit[] = [
    { unit: 'Văn phòng HĐND và UBND', visitDate: '2025-11-17', status: 'closed', notMet: [{ position: 3, request: 'Lưu trữ đầy đủ hồ sơ sáng kiến CCHC', finding: 'accepted' }] },
    { unit: 'Phòng Văn hóa - Xã hội', visitDate: '2025-11-18', status: 'closed' },
    {
      unit: 'Phòng Kinh tế, Hạ tầng và Đô thị',
      visitDate: '2025-11-19',
      status: 'concluded',
      notMet: [
        { position: 1, request: 'Ban hành kế hoạch CCHC của phòng năm 2026', finding: 'fix_reported' },
        { position: 6, request: 'Xây dựng kế hoạch tuyên truyền CCHC', finding: 'accepted' },
      ],
    },
    {
      unit: 'Trung tâm Phục vụ hành chính công',
      visitDate: '2025-11-20',
      status: 'concluded',
      notMet: [{ position: 8, request: 'Niêm yết Quy chế tiếp công dân tại Trung tâm', finding: 'open' }],
    },
  ];
  for (const visit of cgVisits) await addVisit(tx, camGiang, cg.id, unitOf('cam-giang', visit.unit), cgTeam, visit, cgPlan, coordinatorCg);

  // Tiên Lãng, the demo's year: kiemtra leads the team with the coordinator.
  const tienLang = communeIds.get('tien-lang') as number;
  const [kiemtra, daumoi] = [await userId(tx, 'kiemtra'), await userId(tx, 'daumoi')];
  const year = Number(today.slice(0, 4));
  const visited = workingDayOnOrAfter(addDays(today, -30));
  const coming = calendar.addWorkingDays(today, 10);
  const [tl] = await tx
    .insert(inspectionPlans)
    .values({
      communeId: tienLang,
      year,
      period: 'H2',
      title: `Kế hoạch kiểm tra công tác cải cách hành chính năm ${year}`,
      reviewFrom: `${year}-01-01`,
      areas: [1, 2, 3, 4, 5, 6, 7],
      forms: ['scheduled', 'surprise'],
      coverageGoalPercent: 30,
      status: 'issued',
      createdBy: daumoi,
    })
    .returning();
  const tlTeam = [
    { userId: kiemtra, role: 'leader' as const },
    { userId: daumoi, role: 'member' as const },
  ];
  await tx.insert(inspectionTeam).values(tlTeam.map((m) => ({ communeId: tienLang, planId: tl.id, ...m })));
  const tlPlan = { areas: tl.areas, reviewed: null, selfReportDeadline: null };
  await addVisit(
    tx,
    tienLang,
    tl.id,
    unitOf('tien-lang', 'Văn phòng HĐND và UBND'),
    tlTeam,
    { unit: 'Văn phòng HĐND và UBND', visitDate: visited, status: 'concluded', notMet: [{ position: 2, request: 'Bố trí kinh phí cho công tác CCHC', finding: 'open' }] },
    tlPlan,
    kiemtra,
  );
  await addVisit(
    tx,
    tienLang,
    tl.id,
    unitOf('tien-lang', 'Trung tâm Phục vụ hành chính công'),
    tlTeam,
    { unit: 'Trung tâm Phục vụ hành chính công', visitDate: coming, status: 'planned' },
    tlPlan,
    kiemtra,
  );
}
