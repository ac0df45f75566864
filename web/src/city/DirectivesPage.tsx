/**
 * City directives (văn bản UBND thành phố giao nhiệm vụ): the list with each one's roll-up, the form
 * that enters one once for every commune or the chosen ones, and one directive's page — each
 * commune's status and product, who is late (with "Đôn đốc"), the roll-up; edit, give to more communes.
 */
import { AREAS, type TArea, type TCityDirective, type TCityDirectiveDetail, type TCityDirectiveList, type TDirectiveCommune } from '@contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Checkbox, DatePicker, Flex, Form, Input, Modal, Radio, Select, Space, Statistic, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api } from '../app/api';
import { useErrorText, useNotify } from '../app/feedback';
import { areaLabel, DATE_FORMAT, formatDate, toIsoDate } from '../app/format';
import { useT } from '../app/i18n';
import { useCommunes } from '../app/reference';
import { StatusTag } from '../app/status';
import { CityRequestButton } from './CityRequests';

const directivesKey = ['city', 'directives'] as const;

interface FormValues {
  number: string;
  issuedOn: Dayjs;
  area: TArea;
  content: string;
  deadlineKind: 'date' | 'text';
  deadline?: Dayjs;
  timeframeText?: string;
  product?: string;
  target: 'all' | 'chosen';
  communeIds?: number[];
}

/** The form's deadline as the API takes it: a day, or the document's words — one of the two. */
const deadlineOf = (v: FormValues) => (v.deadlineKind === 'date' ? { deadline: v.deadline ? toIsoDate(v.deadline) : undefined } : { timeframeText: v.timeframeText?.trim() });

function CommunePicker({ name, exclude = [] }: { name: string; exclude?: number[] }) {
  const communes = useCommunes();
  const options = (communes.data ?? []).filter((c) => !exclude.includes(c.id)).map((c) => ({ value: c.id, label: c.name }));
  return (
    <Form.Item name={name} noStyle>
      <Select mode="multiple" optionFilterProp="label" options={options} style={{ width: '100%' }} data-testid="directive-communes" />
    </Form.Item>
  );
}

function DirectiveForm({ initial, onDone }: { initial?: TCityDirective; onDone: (saved: TCityDirectiveDetail) => void }) {
  const t = useT();
  const notify = useNotify();
  const [form] = Form.useForm<FormValues>();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (v: FormValues) => {
      const fields = { number: v.number.trim(), issuedOn: toIsoDate(v.issuedOn), area: v.area, content: v.content.trim(), product: v.product?.trim() ?? '', ...deadlineOf(v) };
      if (initial) return api.patch<TCityDirectiveDetail>(`/api/city/directives/${initial.id}`, { ...fields, version: initial.version });
      return api.post<TCityDirectiveDetail>('/api/city/directives', { ...fields, communes: v.target === 'all' ? 'all' : (v.communeIds ?? []) });
    },
    onSuccess: (saved) => {
      notify.success(t(initial ? 'ui.directives.updated' : 'ui.directives.saved'));
      queryClient.invalidateQueries({ queryKey: directivesKey });
      queryClient.invalidateQueries({ queryKey: ['city', 'overview'] });
      onDone(saved);
    },
    onError: notify.error,
  });
  const byText = initial !== undefined && !/^Trước ngày \d{2}\/\d{2}\/\d{4}$/.test(initial.timeframeText);
  const kind = Form.useWatch('deadlineKind', form);
  const target = Form.useWatch('target', form);
  return (
    <Form<FormValues>
      form={form}
      layout="vertical"
      onFinish={(v) => save.mutate(v)}
      initialValues={{
        number: initial?.number,
        issuedOn: initial ? dayjs(initial.issuedOn) : dayjs(),
        area: initial?.area ?? 1,
        content: initial?.content,
        deadlineKind: byText ? 'text' : 'date',
        deadline: initial && !byText ? dayjs(initial.timeframeText.slice(-10).split('/').reverse().join('-')) : undefined,
        timeframeText: byText ? initial?.timeframeText : undefined,
        product: initial?.product,
        target: 'chosen',
      }}
      data-testid="directive-form"
    >
      <Flex gap={12} wrap>
        <Form.Item name="number" label={t('ui.directives.number')} rules={[{ required: true, message: t('ui.required') }]} style={{ flex: '1 1 200px' }}>
          <Input maxLength={60} placeholder="125/UBND-NV" data-testid="directive-number" />
        </Form.Item>
        <Form.Item name="issuedOn" label={t('ui.directives.issuedOn')} rules={[{ required: true, message: t('ui.required') }]}>
          <DatePicker format={DATE_FORMAT} allowClear={false} data-testid="directive-issued-on" />
        </Form.Item>
        <Form.Item name="area" label={t('ui.directives.area')} style={{ flex: '1 1 220px' }}>
          <Select options={AREAS.map((a) => ({ value: a, label: areaLabel(t, a) }))} />
        </Form.Item>
      </Flex>
      <Form.Item name="content" label={t('ui.directives.content')} rules={[{ required: true, message: t('ui.required') }]}>
        <Input.TextArea autoSize={{ minRows: 2 }} maxLength={5000} data-testid="directive-content" />
      </Form.Item>
      <Form.Item name="deadlineKind" label={t('ui.directives.deadlineKind')}>
        <Radio.Group
          options={[
            { value: 'date', label: t('ui.directives.byDate') },
            { value: 'text', label: t('ui.directives.byText') },
          ]}
        />
      </Form.Item>
      {kind === 'text' ? (
        <Form.Item name="timeframeText" rules={[{ required: true, message: t('ui.required') }]}>
          <Input maxLength={1000} placeholder="Trước ngày 15 của tháng cuối quý" data-testid="directive-timeframe" />
        </Form.Item>
      ) : (
        <Form.Item name="deadline" rules={[{ required: true, message: t('ui.required') }]}>
          <DatePicker format={DATE_FORMAT} data-testid="directive-deadline" />
        </Form.Item>
      )}
      <Form.Item name="product" label={t('ui.directives.product')}>
        <Input maxLength={3000} data-testid="directive-product" />
      </Form.Item>
      {!initial && (
        <Form.Item label={t('ui.directives.targets')}>
          <Form.Item name="target" noStyle>
            <Radio.Group
              options={[
                { value: 'chosen', label: t('ui.directives.chosenCommunes') },
                { value: 'all', label: t('ui.directives.allCommunes') },
              ]}
              style={{ marginBottom: 8 }}
            />
          </Form.Item>
          {target !== 'all' && <CommunePicker name="communeIds" />}
        </Form.Item>
      )}
      <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="directive-save">
        {initial ? t('ui.save') : t('ui.directives.save')}
      </Button>
    </Form>
  );
}

const rollupText = (t: ReturnType<typeof useT>, d: TCityDirective) =>
  t('ui.directives.rollup', { onTime: d.counts.onTime, late: d.counts.late, overdue: d.counts.overdue, open: d.counts.open, rate: d.onTimeRate });

export function DirectivesPage() {
  const t = useT();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const list = useQuery({ queryKey: directivesKey, queryFn: () => api.get<TCityDirectiveList>('/api/city/directives') });
  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Typography.Title level={3} className="page-title" style={{ margin: 0 }} data-testid="directives-title">
          {t('ui.directives.title')}
        </Typography.Title>
        <Button type="primary" onClick={() => setCreating(true)} data-testid="directive-create">
          {t('ui.directives.create')}
        </Button>
      </Flex>
      {list.isError && <Alert type="error" showIcon title={errorText(list.error)} />}
      <Table<TCityDirective>
        rowKey="id"
        size="small"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('ui.directives.empty') }}
        data-testid="directives-table"
        columns={[
          { title: t('ui.directives.number'), key: 'number', render: (_, d) => <Link to={`/city/directives/${d.id}`}>{d.number}</Link> },
          { title: t('ui.directives.issuedOn'), key: 'issuedOn', render: (_, d) => formatDate(d.issuedOn) },
          { title: t('ui.directives.content'), dataIndex: 'content' },
          { title: t('ui.directives.timeframe'), dataIndex: 'timeframeText' },
          { title: t('ui.directives.communes'), key: 'communes', align: 'right', render: (_, d) => d.counts.total },
          { title: t('ui.directives.onTimeRate'), key: 'rate', align: 'right', render: (_, d) => `${d.onTimeRate}%`, sorter: (a, b) => a.onTimeRate - b.onTimeRate },
          { title: t('ui.city.overdue'), key: 'overdue', align: 'right', render: (_, d) => d.counts.overdue, sorter: (a, b) => a.counts.overdue - b.counts.overdue },
        ]}
      />
      <Modal open={creating} title={t('ui.directives.create')} footer={null} width={720} onCancel={() => setCreating(false)} destroyOnHidden>
        <DirectiveForm onDone={(saved) => navigate(`/city/directives/${saved.id}`)} />
      </Modal>
    </>
  );
}

function AddCommunes({ directive, onDone }: { directive: TCityDirectiveDetail; onDone: () => void }) {
  const t = useT();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ communeIds?: number[] }>();
  const add = useMutation({
    mutationFn: (ids: number[]) => api.post<TCityDirectiveDetail>(`/api/city/directives/${directive.id}/communes`, { communes: ids }),
    onSuccess: () => {
      notify.success(t('ui.directives.added'));
      queryClient.invalidateQueries({ queryKey: directivesKey });
      onDone();
    },
    onError: notify.error,
  });
  return (
    <Form form={form} onFinish={(v) => add.mutate(v.communeIds ?? [])}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <CommunePicker name="communeIds" exclude={directive.communes.map((c) => c.communeId)} />
        <Button type="primary" htmlType="submit" loading={add.isPending} data-testid="directive-add-save">
          {t('ui.directives.addCommunes')}
        </Button>
      </Space>
    </Form>
  );
}

export function DirectivePage() {
  const t = useT();
  const errorText = useErrorText();
  const id = Number(useParams().directiveId);
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);
  const [onlyLate, setOnlyLate] = useState(false);
  const detail = useQuery({ queryKey: [...directivesKey, id], queryFn: () => api.get<TCityDirectiveDetail>(`/api/city/directives/${id}`) });
  const d = detail.data;
  if (detail.isError) return <Alert type="error" showIcon title={errorText(detail.error)} />;
  const rows = (d?.communes ?? []).filter((r) => !onlyLate || r.late);
  return (
    <>
      <Link to="/city/directives">{t('ui.directives.back')}</Link>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ margin: '8px 0 12px' }}>
        <Typography.Title level={3} className="page-title" style={{ margin: 0 }} data-testid="directive-title">
          {d ? `${d.number} — ${formatDate(d.issuedOn)}` : ''}
        </Typography.Title>
        {d?.canEdit && (
          <Space>
            <Button onClick={() => setEditing(true)} data-testid="directive-edit">
              {t('ui.directives.edit')}
            </Button>
            <Button onClick={() => setAdding(true)} data-testid="directive-add">
              {t('ui.directives.addCommunes')}
            </Button>
          </Space>
        )}
      </Flex>
      {d && (
        <>
          <Typography.Paragraph>
            {areaLabel(t, d.area)} · {d.content}
            <br />
            {t('ui.directives.timeframe')}: {d.timeframeText}
            {d.product && ` · ${t('ui.directives.product')}: ${d.product}`}
          </Typography.Paragraph>
          <Flex gap={32} wrap style={{ marginBottom: 12 }} data-testid="directive-rollup">
            <Statistic title={t('ui.directives.communes')} value={d.counts.total} />
            <div data-testid="directive-rate">
              <Statistic title={t('ui.directives.onTimeRate')} value={d.onTimeRate} suffix="%" />
            </div>
            <Typography.Text data-testid="directive-rollup-text">{rollupText(t, d)}</Typography.Text>
          </Flex>
        </>
      )}
      <Checkbox checked={onlyLate} onChange={(e) => setOnlyLate(e.target.checked)} style={{ marginBottom: 8 }}>
        {t('ui.directives.onlyLate')}
      </Checkbox>
      <Table<TDirectiveCommune>
        rowKey="communeId"
        size="small"
        loading={detail.isPending}
        dataSource={rows}
        pagination={{ pageSize: 50 }}
        data-testid="directive-communes-table"
        columns={[
          { title: t('ui.directives.commune'), dataIndex: 'communeName', sorter: (a, b) => a.communeName.localeCompare(b.communeName, 'vi') },
          {
            title: t('ui.directives.status'),
            key: 'status',
            render: (_, r) => (
              <span data-testid={`directive-status-${r.communeId}`}>
                <StatusTag status={r.status} />
              </span>
            ),
          },
          { title: t('ui.directives.due'), key: 'due', render: (_, r) => formatDate(r.due) },
          { title: t('ui.directives.doneAt'), key: 'doneAt', render: (_, r) => formatDate(r.doneAt) },
          {
            title: t('ui.directives.evidence'),
            key: 'evidence',
            render: (_, r) =>
              r.evidenceLink ? (
                <a href={r.evidenceLink} target="_blank" rel="noreferrer" data-testid={`directive-evidence-${r.communeId}`}>
                  {r.evidenceLink}
                </a>
              ) : r.evidenceFileId ? (
                <a href={`/api/files/${r.evidenceFileId}`} data-testid={`directive-evidence-${r.communeId}`}>
                  {t('ui.directives.evidence')}
                </a>
              ) : null,
          },
          {
            title: '',
            key: 'request',
            render: (_, r) => (r.status === 'qua_han' && d ? <CityRequestButton communeId={r.communeId} taskId={r.taskId} label={`${r.communeName} — ${d.number}`} /> : null),
          },
        ]}
      />
      {d && (
        <>
          <Modal open={editing} title={t('ui.directives.edit')} footer={null} width={720} onCancel={() => setEditing(false)} destroyOnHidden>
            <DirectiveForm initial={d} onDone={() => setEditing(false)} />
          </Modal>
          <Modal open={adding} title={t('ui.directives.addCommunes')} footer={null} onCancel={() => setAdding(false)} destroyOnHidden>
            <AddCommunes directive={d} onDone={() => setAdding(false)} />
          </Modal>
        </>
      )}
    </>
  );
}
