/**
 * Requests from the city to a commune (đôn đốc, issue 11): a city reviewer asks about a late task,
 * a late or missing commune report, or the commune's work as a whole. The commune's coordinators
 * and leaders hear it at once (bell, and e-mail through the reminders' deliveries); the request
 * stays open on the item's history until one of them answers.
 */
import { and, desc, eq, isNull, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { TCityRequest, TCityRequestAnswerInput, TCityRequestInput } from '../../contract';
import { translate } from '../../i18n';
import type { Actor } from '../access/actor';
import { canAnswerCityRequest, canSendCityRequest, ensure } from '../access/policy';
import { recordAudit } from '../audit/service';
import type { Clock } from '../clock';
import { requireCommune } from '../communes/service';
import type { Db, DbOrTx } from '../db';
import { cityRequests, reportPeriods, tasks, users } from '../db/schema';
import { AppError, invalid, notFound } from '../errors';
import { communeAnswerers, sendImmediateNotice } from '../reminders/notices';

type Commune = Awaited<ReturnType<typeof requireCommune>>;

const sender = alias(users, 'sender');
const answerer = alias(users, 'answerer');

async function selectRequests(db: DbOrTx, where: SQL | undefined) {
  return db
    .select({
      request: cityRequests,
      sentBy: { id: sender.id, fullName: sender.fullName },
      answeredBy: { id: answerer.id, fullName: answerer.fullName },
    })
    .from(cityRequests)
    .innerJoin(sender, eq(sender.id, cityRequests.sentBy))
    .leftJoin(answerer, eq(answerer.id, cityRequests.answeredBy))
    .where(where)
    .orderBy(desc(cityRequests.sentAt), desc(cityRequests.id));
}

function present(actor: Actor, commune: Commune, row: Awaited<ReturnType<typeof selectRequests>>[number]): TCityRequest {
  const r = row.request;
  const open = r.answeredAt === null;
  return {
    id: r.id,
    communeId: r.communeId,
    taskId: r.taskId,
    periodId: r.periodId,
    message: r.message,
    sentAt: r.sentAt.toISOString(),
    sentBy: row.sentBy,
    status: open ? 'open' : 'answered',
    answer: r.answer,
    answeredAt: r.answeredAt?.toISOString() ?? null,
    answeredBy: row.answeredBy && row.answeredBy.id !== null ? row.answeredBy : null,
    canAnswer: open && canAnswerCityRequest(actor, commune),
  };
}

/** What the notice names: the task (number and content), the report period, or the commune's work. */
async function subjectOf(db: Db, communeId: number, input: TCityRequestInput): Promise<string> {
  if (input.taskId !== undefined) {
    const [task] = await db
      .select({ number: tasks.number, content: tasks.content })
      .from(tasks)
      .where(and(eq(tasks.communeId, communeId), eq(tasks.id, input.taskId)));
    if (!task) throw notFound();
    const label = task.number ? `${task.number}. ${task.content}` : task.content;
    return translate('vi', 'notify.city_request.subject_task', { task: label.length > 120 ? `${label.slice(0, 117)}…` : label });
  }
  if (input.periodId !== undefined) {
    const [period] = await db
      .select({ label: reportPeriods.label })
      .from(reportPeriods)
      .where(and(eq(reportPeriods.communeId, communeId), eq(reportPeriods.id, input.periodId)));
    if (!period) throw notFound();
    return translate('vi', 'notify.city_request.subject_period', { period: period.label.charAt(0).toLocaleLowerCase('vi') + period.label.slice(1) });
  }
  return translate('vi', 'notify.city_request.subject_commune');
}

export async function sendCityRequest(db: Db, clock: Clock, actor: Actor, input: TCityRequestInput): Promise<TCityRequest> {
  const commune = await requireCommune(db, actor, input.communeId);
  ensure(canSendCityRequest(actor, commune));
  if (input.taskId !== undefined && input.periodId !== undefined) throw invalid(translate('vi', 'notify.city_request.error_one_subject'));
  const subject = await subjectOf(db, commune.id, input);
  const id = await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(cityRequests)
      .values({ communeId: commune.id, taskId: input.taskId ?? null, periodId: input.periodId ?? null, message: input.message, sentBy: actor.id, sentAt: clock.now() })
      .returning({ id: cityRequests.id });
    await recordAudit(tx, actor, { cityId: commune.cityId, communeId: commune.id, entity: 'city_request', entityId: created.id, action: 'request', after: input });
    // One notice per subject, day and person (the deliveries' key): a second request the same day is recorded, not re-announced.
    await sendImmediateNotice(tx, {
      communeId: commune.id,
      rule: 'city_request',
      taskId: input.taskId ?? 0,
      periodId: input.periodId,
      occurrenceDue: clock.today(),
      recipientIds: (await communeAnswerers(tx, [commune.id])).get(commune.id) ?? [],
      title: translate('vi', 'notify.city_request.title', { subject }),
      body: translate('vi', 'notify.city_request.body', { sender: actor.fullName, subject, message: input.message }),
    });
    return created.id;
  });
  return requireRequest(db, actor, commune, id);
}

async function requireRequest(db: DbOrTx, actor: Actor, commune: Commune, id: number): Promise<TCityRequest> {
  const [row] = await selectRequests(db, and(eq(cityRequests.communeId, commune.id), eq(cityRequests.id, id)));
  if (!row) throw notFound();
  return present(actor, commune, row);
}

export async function answerCityRequest(db: Db, clock: Clock, actor: Actor, communeId: number, id: number, input: TCityRequestAnswerInput): Promise<TCityRequest> {
  const commune = await requireCommune(db, actor, communeId);
  ensure(canAnswerCityRequest(actor, commune));
  await db.transaction(async (tx) => {
    const answered = await tx
      .update(cityRequests)
      .set({ answer: input.answer, answeredBy: actor.id, answeredAt: clock.now() })
      .where(and(eq(cityRequests.communeId, commune.id), eq(cityRequests.id, id), isNull(cityRequests.answeredAt)))
      .returning({ id: cityRequests.id });
    if (answered.length === 0) {
      const [exists] = await tx
        .select({ id: cityRequests.id })
        .from(cityRequests)
        .where(and(eq(cityRequests.communeId, commune.id), eq(cityRequests.id, id)));
      if (!exists) throw notFound();
      throw new AppError('conflict', {}, undefined, translate('vi', 'notify.city_request.error_answered'));
    }
    await recordAudit(tx, actor, { cityId: commune.cityId, communeId: commune.id, entity: 'city_request', entityId: id, action: 'answer', after: input });
  });
  return requireRequest(db, actor, commune, id);
}

/** A commune's requests, newest first: all of them, or those about one task or one report period. */
export async function listCityRequests(db: Db, actor: Actor, communeId: number, filter: { taskId?: number; periodId?: number; open?: boolean }): Promise<TCityRequest[]> {
  const commune = await requireCommune(db, actor, communeId);
  const rows = await selectRequests(
    db,
    and(
      eq(cityRequests.communeId, commune.id),
      filter.taskId === undefined ? undefined : eq(cityRequests.taskId, filter.taskId),
      filter.periodId === undefined ? undefined : eq(cityRequests.periodId, filter.periodId),
      filter.open ? isNull(cityRequests.answeredAt) : undefined,
    ),
  );
  return rows.map((row) => present(actor, commune, row));
}
