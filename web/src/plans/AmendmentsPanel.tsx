/**
 * The amendments of a plan in force: the proposals units sent (the coordinator gathers chosen ones
 * into an amendment), and each amendment (the leader decides it, citing the deciding document).
 */
import type { TAmendment, TPlanDetail, TProposal, TTask, TUnit } from '@contract';
import { Alert, Button, Card, Checkbox, DatePicker, Empty, Flex, Form, Input, Modal, Skeleton, Table, type TableColumnsType, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useErrorText, useNotify } from '../app/feedback';
import { DATE_FORMAT, formatDate, toIsoDate } from '../app/format';
import { useT } from '../app/i18n';
import { useUnits } from '../app/reference';
import { usePlanTasks } from '../tasks/queries';
import { decideAmendment, gatherAmendment, useAmendments, usePlanMutation } from './queries';

const STATUS_COLOR = { proposed: 'orange', gathered: 'blue', accepted: 'green', rejected: 'default' } as const;

/** What the proposal asks for, in words: "Quý II/2026 → Quý III/2026". */
export function describeChange(p: TProposal, units: TUnit[], tasks: TTask[] = []): string {
  // Until the decision the "before" is the task as it is now.
  const now = tasks.find((task) => task.id === p.taskId);
  const before = p.before ?? (now && { timeframeText: now.timeframeText, product: now.product, leadUnitIds: now.leadUnits.map((u) => u.id) });
  const names = (ids?: number[]) => (ids ?? []).map((id) => units.find((u) => u.id === id)?.name ?? `#${id}`).join('; ');
  const arrow = (before: string | undefined, after: string | undefined) => (before ? `${before} → ${after ?? ''}` : (after ?? ''));
  switch (p.kind) {
    case 'add_task':
      return [p.change.timeframeText, names(p.change.leadUnitIds), p.change.product].filter(Boolean).join(' · ');
    case 'drop_task':
      return '—';
    case 'reschedule':
      return arrow(before?.timeframeText, p.change.timeframeText);
    case 'change_lead':
      return arrow(before?.leadUnitIds ? names(before.leadUnitIds) : undefined, names(p.change.leadUnitIds));
    case 'change_product':
      return arrow(before?.product, p.change.product);
  }
}

function useProposalColumns(units: TUnit[], tasks: TTask[], withStatus: boolean): TableColumnsType<TProposal> {
  const t = useT();
  return [
    { key: 'unit', title: t('ui.amend.col.unit'), width: 170, render: (_, p) => p.unit?.name ?? p.proposedBy ?? '—' },
    { key: 'kind', title: t('ui.amend.col.kind'), width: 190, render: (_, p) => <Tag>{t(`changeKind.${p.kind}`)}</Tag> },
    { key: 'task', title: t('ui.amend.col.task'), render: (_, p) => p.taskContent ?? '—' },
    { key: 'change', title: t('ui.amend.col.change'), width: 240, render: (_, p) => describeChange(p, units, tasks) },
    { key: 'reason', title: t('ui.amend.col.reason'), width: 220, render: (_, p) => p.reason },
    ...(withStatus
      ? [
          {
            key: 'status',
            title: t('ui.amend.col.status'),
            width: 130,
            render: (_: unknown, p: TProposal) => <Tag color={STATUS_COLOR[p.status]}>{t(`proposalStatus.${p.status}`)}</Tag>,
          },
        ]
      : []),
  ];
}

function GatherModal({ plan, ids, onClose }: { plan: TPlanDetail; ids: number[]; onClose: () => void }) {
  const t = useT();
  const notify = useNotify();
  const [form] = Form.useForm<{ title: string }>();
  const gather = usePlanMutation(gatherAmendment(plan.id));
  const submit = ({ title }: { title: string }) =>
    gather.mutateAsync({ title: title.trim(), proposalIds: ids }).then(() => {
      notify.success(t('ui.amend.gathered'));
      onClose();
    }, notify.error);
  return (
    <Modal
      open
      title={t('ui.amend.gatherTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('ui.save')}
      cancelText={t('ui.cancel')}
      confirmLoading={gather.isPending}
      okButtonProps={{ 'data-testid': 'gather-save' } as Record<string, string>}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="title" label={t('ui.amend.name')} rules={[{ required: true, whitespace: true, message: t('ui.required') }]}>
          <Input placeholder={t('ui.amend.namePlaceholder')} data-testid="gather-title" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface DecideValues {
  decisionNumber: string;
  decisionDate: Dayjs;
  accepted: number[];
}

function DecideModal({ amendment, units, tasks, onClose }: { amendment: TAmendment; units: TUnit[]; tasks: TTask[]; onClose: () => void }) {
  const t = useT();
  const notify = useNotify();
  const [form] = Form.useForm<DecideValues>();
  const decide = usePlanMutation(decideAmendment(amendment.id));
  const submit = (v: DecideValues) =>
    decide
      .mutateAsync({
        decisionNumber: v.decisionNumber.trim(),
        decisionDate: toIsoDate(v.decisionDate),
        rejectedProposalIds: amendment.proposals.filter((p) => !v.accepted.includes(p.id)).map((p) => p.id),
      })
      .then(() => {
        notify.success(t('ui.amend.decided'));
        onClose();
      }, notify.error);
  return (
    <Modal
      open
      width={760}
      title={t('ui.amend.decideTitle', { title: amendment.title })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('ui.amend.decide')}
      cancelText={t('ui.cancel')}
      confirmLoading={decide.isPending}
      okButtonProps={{ 'data-testid': 'decide-save' } as Record<string, string>}
      destroyOnHidden
    >
      <Form<DecideValues> form={form} layout="vertical" onFinish={submit} initialValues={{ accepted: amendment.proposals.map((p) => p.id) }}>
        <Flex gap={16} wrap>
          <Form.Item
            name="decisionNumber"
            label={t('ui.amend.decisionNumber')}
            style={{ flex: '1 1 240px' }}
            rules={[{ required: true, whitespace: true, message: t('ui.required') }]}
          >
            <Input placeholder="215/QĐ-UBND" data-testid="decide-number" />
          </Form.Item>
          <Form.Item
            name="decisionDate"
            label={t('ui.amend.decisionDate')}
            rules={[
              { required: true, message: t('ui.required') },
              { validator: (_, v: Dayjs | undefined) => (v?.isAfter(dayjs(), 'day') ? Promise.reject(new Error(t('ui.amend.dateFuture'))) : Promise.resolve()) },
            ]}
          >
            <DatePicker format={DATE_FORMAT} disabledDate={(d) => d.isAfter(dayjs(), 'day')} data-testid="decide-date" />
          </Form.Item>
        </Flex>
        <Form.Item name="accepted" label={t('ui.amend.accept')}>
          <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
            {amendment.proposals.map((p) => (
              <Checkbox key={p.id} value={p.id} data-testid="decide-proposal">
                <strong>{t(`changeKind.${p.kind}`)}</strong>: {p.taskContent} <Typography.Text type="secondary">({describeChange(p, units, tasks)})</Typography.Text>
              </Checkbox>
            ))}
          </Checkbox.Group>
        </Form.Item>
      </Form>
    </Modal>
  );
}

function AmendmentCard({ amendment, plan, units, tasks }: { amendment: TAmendment; plan: TPlanDetail; units: TUnit[]; tasks: TTask[] }) {
  const t = useT();
  const [deciding, setDeciding] = useState(false);
  const columns = useProposalColumns(units, tasks, true);
  const decided = amendment.status === 'decided';
  return (
    <Card
      size="small"
      data-testid="amendment"
      title={amendment.title}
      extra={
        decided ? (
          <Tag color="green" data-testid="amendment-decided">
            {t('ui.amend.decidedBy', { number: amendment.decisionNumber ?? '', date: formatDate(amendment.decisionDate), version: amendment.version ?? '' })}
          </Tag>
        ) : plan.canDecide ? (
          <Button type="primary" onClick={() => setDeciding(true)} data-testid="amendment-decide">
            {t('ui.amend.decide')}
          </Button>
        ) : (
          <Tag color="orange">{t('ui.amend.open')}</Tag>
        )
      }
    >
      <Table<TProposal> rowKey="id" size="small" columns={columns} dataSource={amendment.proposals} pagination={false} />
      {deciding && <DecideModal amendment={amendment} units={units} tasks={tasks} onClose={() => setDeciding(false)} />}
    </Card>
  );
}

export function AmendmentsPanel({ plan }: { plan: TPlanDetail }) {
  const t = useT();
  const story = useAmendments(plan.id);
  const units = useUnits(plan.communeId).data ?? [];
  const tasks = usePlanTasks(plan.id).data ?? [];
  const errorText = useErrorText();
  const [chosen, setChosen] = useState<number[]>([]);
  const [gathering, setGathering] = useState(false);
  const columns = useProposalColumns(units, tasks, false);
  if (story.isPending) return <Skeleton active />;
  if (story.isError) return <Alert type="error" showIcon title={errorText(story.error)} />;
  const { pending, amendments } = story.data;
  const selectable = chosen.filter((id) => pending.some((p) => p.id === id));
  return (
    <Flex vertical gap={16} data-testid="amendments-panel">
      <Card
        size="small"
        title={t('ui.amend.pending')}
        extra={
          plan.canGather && (
            <Button type="primary" disabled={selectable.length === 0} onClick={() => setGathering(true)} data-testid="amendment-gather">
              {t('ui.amend.gather', { count: selectable.length })}
            </Button>
          )
        }
      >
        <Table<TProposal>
          rowKey="id"
          size="small"
          data-testid="pending-proposals"
          columns={columns}
          dataSource={pending}
          pagination={false}
          rowSelection={plan.canGather ? { selectedRowKeys: selectable, onChange: (keys) => setChosen(keys as number[]) } : undefined}
          onRow={() => ({ 'data-testid': 'pending-proposal' }) as React.HTMLAttributes<HTMLElement>}
          locale={{ emptyText: t('ui.amend.noPending') }}
        />
      </Card>
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('ui.amend.list')}
      </Typography.Title>
      {amendments.length === 0 && <Empty description={t('ui.amend.none')} />}
      {[...amendments].reverse().map((a) => (
        <AmendmentCard key={a.id} amendment={a} plan={plan} units={units} tasks={tasks} />
      ))}
      {gathering && (
        <GatherModal
          plan={plan}
          ids={selectable}
          onClose={() => {
            setGathering(false);
            setChosen([]);
          }}
        />
      )}
    </Flex>
  );
}
