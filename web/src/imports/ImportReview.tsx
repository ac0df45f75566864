/** The review of an extracted plan: metadata, warnings, editable task rows, unit mapping, source; then save. */
import { DeleteOutlined, ScissorOutlined, VerticalAlignTopOutlined, WarningOutlined } from '@ant-design/icons';
import { AREAS, type TArea, type TImportResult, type TPlanDetail, type TPlanKind, type TReviewedPlan, type TSchedule, type TTargetInput, type TUnitKind } from '@contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, DatePicker, Flex, Form, Input, Row, Select, Space, Table, type TableColumnsType, Tabs, Tag, Tooltip, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { type HTMLAttributes, useCallback, useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { ApiError, api } from '../app/api';
import { useErrorText } from '../app/feedback';
import { areaLabel, areaRoman, DATE_FORMAT, formatDate, toIsoDate } from '../app/format';
import { useT } from '../app/i18n';
import { useUnits } from '../app/reference';
import { buildTasks, defaultChoice, mappingFromImport, mergeUp, namesOf, newKey, parseNames, rowsFromImport, splitRow } from './model';
import type { MappingChoice, ReviewRow } from './types';

const KINDS: TPlanKind[] = ['annual', 'half_year', 'thematic', 'inspection'];
const UNIT_KINDS: TUnitKind[] = ['internal', 'catch_all', 'outside'];

interface MetaValues {
  title: string;
  number?: string;
  issuer?: string;
  issueDate?: Dayjs | null;
  kind: TPlanKind;
  period: [Dayjs, Dayjs];
}

function UnitsCell({ names, onChange, unknown }: { names: string[]; onChange: (names: string[]) => void; unknown: (name: string) => boolean }) {
  const t = useT();
  const [editing, setEditing] = useState(false);
  if (editing) {
    return (
      <Input.TextArea
        autoFocus
        autoSize={{ minRows: 2, maxRows: 6 }}
        defaultValue={names.join('; ')}
        placeholder={t('ui.import.unitsHint')}
        onBlur={(e) => {
          onChange(parseNames(e.target.value));
          setEditing(false);
        }}
      />
    );
  }
  return (
    <button type="button" className="plain-button" style={{ cursor: 'text', minHeight: 24 }} onClick={() => setEditing(true)} title={t('ui.import.unitsHint')}>
      {names.length === 0 ? (
        <Typography.Text type="secondary">{t('ui.import.noUnits')}</Typography.Text>
      ) : (
        names.map((name) => (
          <Tag key={name} color={unknown(name) ? 'orange' : undefined} style={{ marginBottom: 4, whiteSpace: 'normal' }}>
            {name}
          </Tag>
        ))
      )}
    </button>
  );
}

export function ImportReview({ result, communeId }: { result: TImportResult; communeId: number }) {
  const t = useT();
  const errorText = useErrorText();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const units = useUnits(communeId);
  const [form] = Form.useForm<MetaValues>();
  const [rows, setRows] = useState<ReviewRow[]>(() => rowsFromImport(result));
  const [mapping, setMapping] = useState<Record<string, MappingChoice>>(() => mappingFromImport(result));
  // Each target row keeps a key of its own, so deleting one does not shift the others' inputs.
  const [targets, setTargets] = useState<(TTargetInput & { key: string })[]>(() =>
    result.targets.map((x) => ({ key: newKey(), text: x.text, comparator: x.comparator, value: x.value, unit: x.unit })),
  );
  const [showSource, setShowSource] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const initial = useMemo<Partial<MetaValues>>(() => {
    // The server read the time frames against this period (the document's, else its "this year").
    const { start, end } = result.period;
    return {
      title: result.meta.title ?? '',
      number: result.meta.number ?? undefined,
      issuer: result.meta.issuer ?? undefined,
      issueDate: result.meta.date ? dayjs(result.meta.date) : null,
      kind: result.meta.kind ?? 'annual',
      period: [dayjs(start), dayjs(end)],
    };
  }, [result]);

  const names = useMemo(() => namesOf(rows), [rows]);
  const choiceOf = useCallback((name: string) => mapping[name] ?? defaultChoice(name), [mapping]);
  const isUnknown = useCallback(
    (name: string) => {
      const c = mapping[name];
      return !c || c.unknown;
    },
    [mapping],
  );

  const update = (key: string, patch: Partial<ReviewRow>) => setRows((all) => all.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  const reparse = async (row: ReviewRow, text: string) => {
    update(row.key, { timeframeText: text });
    const period = form.getFieldValue('period') as [Dayjs, Dayjs] | undefined;
    if (!period?.[0] || !period?.[1]) return;
    try {
      const schedule = await api.post<TSchedule>('/api/timeframe/parse', { text, periodStart: toIsoDate(period[0]), periodEnd: toIsoDate(period[1]) });
      update(row.key, { timeframeKind: schedule.kind, due: schedule.due });
    } catch {
      /* the preview is only a help */
    }
  };

  const save = useMutation({
    mutationFn: (body: TReviewedPlan) => api.post<TPlanDetail>(`/api/communes/${communeId}/imports/save`, body),
    onSuccess: (plan) => {
      void queryClient.invalidateQueries();
      message.success(t('ui.import.saved', { count: plan.taskCount }));
      navigate(`/plans/${plan.id}`);
    },
    // A plan the commune already has, or a document of another commune: the officer decides, then it is sent again.
    onError: (error, body) => {
      const reason = error instanceof ApiError ? (error.details as { code?: string } | undefined)?.code : undefined;
      if (reason === 'plan_duplicate')
        modal.confirm({
          title: t('ui.import.duplicateTitle'),
          content: error.message,
          okText: t('ui.import.replaceDraft'),
          cancelText: t('ui.import.cancelImport'),
          onOk: () => save.mutate({ ...body, onDuplicate: 'replace' }),
          onCancel: () => save.reset(),
        });
      if (reason === 'other_commune')
        modal.confirm({
          title: t('ui.import.otherCommuneTitle'),
          content: error.message,
          okText: t('ui.import.saveAnyway'),
          cancelText: t('ui.import.cancelImport'),
          onOk: () => save.mutate({ ...body, confirmOtherCommune: true }),
          onCancel: () => save.reset(),
        });
    },
  });

  const onSave = async () => {
    setProblem(null);
    let values: MetaValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    if (rows.length === 0) return setProblem(t('ui.import.noTasks'));
    for (const [i, row] of rows.entries()) {
      const number = row.number ?? i + 1;
      if (!row.content.trim()) return setProblem(t('ui.import.needContent'));
      if (!row.area) return setProblem(t('ui.import.needArea', { number }));
      if (row.lead.length === 0) return setProblem(t('ui.import.needLead', { number }));
    }
    for (const name of names) {
      const c = choiceOf(name);
      if (c.mode !== 'new' && !c.unitId) return setProblem(t('ui.import.needUnit', { name }));
    }
    save.mutate({
      plan: {
        kind: values.kind,
        title: values.title.trim(),
        number: values.number?.trim() || null,
        issuer: values.issuer?.trim() || null,
        issueDate: values.issueDate ? toIsoDate(values.issueDate) : null,
        periodStart: toIsoDate(values.period[0]),
        periodEnd: toIsoDate(values.period[1]),
        targets: targets.filter((x) => x.text.trim()).map(({ key: _key, ...target }) => target),
      },
      tasks: buildTasks(rows, mapping),
    });
  };

  const columns: TableColumnsType<ReviewRow> = [
    {
      key: 'number',
      title: t('ui.import.col.number'),
      width: 70,
      render: (_, row) => (
        <Space size={4}>
          <Input
            size="small"
            style={{ width: 46 }}
            value={row.number ?? ''}
            onChange={(e) => update(row.key, { number: /^\d+$/.test(e.target.value) ? Number(e.target.value) : null })}
          />
          {row.warnings.length > 0 && (
            <Tooltip title={row.warnings.join('\n')}>
              <WarningOutlined style={{ color: '#faad14' }} />
            </Tooltip>
          )}
        </Space>
      ),
    },
    {
      key: 'area',
      title: t('ui.import.col.area'),
      width: 90,
      render: (_, row) => (
        <Select<TArea>
          size="small"
          style={{ width: 72 }}
          value={row.area ?? undefined}
          status={row.area ? undefined : 'error'}
          onChange={(area) => update(row.key, { area })}
          popupMatchSelectWidth={false}
          options={AREAS.map((a: TArea) => ({ value: a, label: areaRoman(a), title: areaLabel(t, a) }))}
          optionRender={(o) => areaLabel(t, o.value as TArea)}
        />
      ),
    },
    {
      key: 'content',
      title: t('ui.import.col.content'),
      width: 380,
      render: (_, row) => (
        <Input.TextArea
          data-testid="import-cell-content"
          autoSize={{ minRows: 2, maxRows: 10 }}
          value={row.content}
          status={row.content.trim() ? undefined : 'error'}
          onChange={(e) => update(row.key, { content: e.target.value })}
        />
      ),
    },
    {
      key: 'lead',
      title: t('ui.import.col.lead'),
      width: 170,
      render: (_, row) => <UnitsCell names={row.lead} unknown={isUnknown} onChange={(lead) => update(row.key, { lead })} />,
    },
    {
      key: 'coordinators',
      title: t('ui.import.col.coordinators'),
      width: 170,
      render: (_, row) => <UnitsCell names={row.coordinators} unknown={isUnknown} onChange={(coordinators) => update(row.key, { coordinators })} />,
    },
    {
      key: 'timeframe',
      title: t('ui.import.col.timeframe'),
      width: 170,
      render: (_, row) => (
        <>
          <Input.TextArea
            autoSize={{ minRows: 1, maxRows: 4 }}
            defaultValue={row.timeframeText}
            onBlur={(e) => e.target.value !== row.timeframeText && void reparse(row, e.target.value)}
          />
          <div style={{ fontSize: 12 }}>
            {row.timeframeKind === 'unspecified' ? (
              <Tooltip title={t('ui.import.unspecified')}>
                <Typography.Text type="warning">
                  <WarningOutlined /> {t('ui.import.unspecified')}
                </Typography.Text>
              </Tooltip>
            ) : (
              row.due && <Typography.Text type="secondary">{t('ui.import.due', { date: formatDate(row.due) })}</Typography.Text>
            )}
          </div>
        </>
      ),
    },
    {
      key: 'product',
      title: t('ui.import.col.product'),
      width: 170,
      render: (_, row) => <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} value={row.product} onChange={(e) => update(row.key, { product: e.target.value })} />,
    },
    {
      key: 'actions',
      title: t('ui.import.col.actions'),
      width: 110,
      render: (_, row, index) => (
        <Space size={2}>
          <Tooltip title={t('ui.import.merge')}>
            <Button
              size="small"
              type="text"
              icon={<VerticalAlignTopOutlined />}
              disabled={index === 0}
              aria-label={t('ui.import.merge')}
              onClick={() =>
                setRows((all) =>
                  mergeUp(
                    all,
                    all.findIndex((r) => r.key === row.key),
                  ),
                )
              }
            />
          </Tooltip>
          <Tooltip title={t('ui.import.split')}>
            <Button
              size="small"
              type="text"
              icon={<ScissorOutlined />}
              aria-label={t('ui.import.split')}
              onClick={() =>
                setRows((all) =>
                  splitRow(
                    all,
                    all.findIndex((r) => r.key === row.key),
                  ),
                )
              }
            />
          </Tooltip>
          <Tooltip title={t('ui.import.delete')}>
            <Button
              size="small"
              type="text"
              danger
              icon={<DeleteOutlined />}
              aria-label={t('ui.import.delete')}
              onClick={() => setRows((all) => all.filter((r) => r.key !== row.key))}
            />
          </Tooltip>
        </Space>
      ),
    },
  ];

  const unitOptions = (units.data ?? []).filter((u) => u.active).map((u) => ({ value: u.id, label: u.name }));
  const setChoice = (name: string, patch: Partial<MappingChoice>) => setMapping((m) => ({ ...m, [name]: { ...(m[name] ?? defaultChoice(name)), ...patch } }));

  const sourceColumns = useMemo(() => {
    const width = Math.max(0, ...result.source.rows.map((r) => r.length));
    return Array.from({ length: width }, (_, i) => ({ key: String(i), title: String(i + 1), render: (_: unknown, r: { cells: string[] }) => r.cells[i] ?? '' }));
  }, [result]);

  return (
    <div data-testid="import-review">
      {result.warnings.length > 0 && (
        <div data-testid="import-warnings" style={{ marginBottom: 16 }}>
          <Typography.Title level={5}>{t('ui.import.warnings', { count: result.warnings.length })}</Typography.Title>
          <Flex vertical gap={4} style={{ maxHeight: 240, overflow: 'auto' }}>
            {result.warnings.map((w) => (
              <Alert key={`${w.code}:${w.task ?? ''}:${w.message}`} type="warning" showIcon title={w.task != null ? `TT ${w.task}: ${w.message}` : w.message} />
            ))}
          </Flex>
        </div>
      )}
      <Flex justify="flex-end" style={{ marginBottom: 8 }}>
        <Button onClick={() => setShowSource((s) => !s)} data-testid="import-source-toggle">
          {showSource ? t('ui.import.hideSource') : t('ui.import.showSource')}
        </Button>
      </Flex>
      <Row gutter={16}>
        <Col span={showSource ? 15 : 24}>
          <Card title={t('ui.import.meta')} size="small" style={{ marginBottom: 16 }}>
            <Form form={form} layout="vertical" initialValues={initial}>
              <Form.Item name="title" label={t('ui.import.field.title')} rules={[{ required: true, whitespace: true, message: t('ui.required') }]}>
                <Input.TextArea autoSize data-testid="import-title" />
              </Form.Item>
              <Row gutter={12}>
                <Col xs={24} md={8}>
                  <Form.Item name="number" label={t('ui.import.field.number')}>
                    <Input />
                  </Form.Item>
                </Col>
                <Col xs={24} md={8}>
                  <Form.Item name="issuer" label={t('ui.import.field.issuer')}>
                    <Input />
                  </Form.Item>
                </Col>
                <Col xs={24} md={8}>
                  <Form.Item name="issueDate" label={t('ui.import.field.issueDate')}>
                    <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={8}>
                  <Form.Item name="kind" label={t('ui.import.field.kind')} rules={[{ required: true, message: t('ui.required') }]}>
                    <Select options={KINDS.map((k) => ({ value: k, label: t(`planKind.${k}`) }))} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={16}>
                  <Form.Item name="period" label={t('ui.import.field.period')} rules={[{ required: true, message: t('ui.required') }]}>
                    <DatePicker.RangePicker format={DATE_FORMAT} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
              </Row>
            </Form>
            <Typography.Text strong>{t('ui.import.targets')}</Typography.Text>
            {targets.length === 0 ? (
              <div className="muted">{t('ui.import.noTargets')}</div>
            ) : (
              <Flex vertical gap={4} data-testid="import-targets">
                {targets.map((target, i) => (
                  <Flex key={target.key} gap={4}>
                    <Input value={target.text} onChange={(e) => setTargets((all) => all.map((x, j) => (j === i ? { ...x, text: e.target.value } : x)))} />
                    <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('ui.delete')} onClick={() => setTargets((all) => all.filter((_, j) => j !== i))} />
                  </Flex>
                ))}
              </Flex>
            )}
          </Card>

          <Typography.Title level={5}>{t('ui.import.tasks', { count: rows.length })}</Typography.Title>
          <Table<ReviewRow>
            rowKey="key"
            size="small"
            columns={columns}
            dataSource={rows}
            pagination={false}
            scroll={{ x: 1530 }}
            rowClassName={(row) => (row.warnings.length > 0 ? 'import-row-warning' : '')}
            onRow={(row) => ({ 'data-testid': 'import-row', style: row.warnings.length > 0 ? { background: '#fffbe6' } : undefined }) as HTMLAttributes<HTMLElement>}
          />

          <Card title={t('ui.import.mapping')} size="small" style={{ marginTop: 16 }} data-testid="import-mapping">
            <Table
              rowKey="name"
              size="small"
              pagination={false}
              dataSource={names.map((name) => ({ name, choice: choiceOf(name) }))}
              onRow={(r) => ({ 'data-testid': 'import-mapping-row', style: r.choice.unknown ? { background: '#fff7e6' } : undefined }) as HTMLAttributes<HTMLElement>}
              columns={[
                {
                  key: 'name',
                  title: t('ui.import.mapping.name'),
                  width: 360,
                  render: (_, r) => (
                    <>
                      {r.name} {r.choice.unknown && <Tag color="orange">{t('ui.import.mapping.unknown')}</Tag>}
                    </>
                  ),
                },
                {
                  key: 'action',
                  title: t('ui.import.mapping.action'),
                  width: 320,
                  render: (_, r) => (
                    <Select
                      style={{ width: '100%' }}
                      value={r.choice.mode}
                      onChange={(mode) => setChoice(r.name, { mode })}
                      options={[
                        { value: 'use', label: t('ui.import.mapping.use') },
                        { value: 'alias', label: t('ui.import.mapping.alias') },
                        { value: 'new', label: t('ui.import.mapping.new') },
                      ]}
                    />
                  ),
                },
                {
                  key: 'unit',
                  title: t('ui.import.mapping.unit'),
                  width: 320,
                  render: (_, r) =>
                    r.choice.mode === 'new' ? (
                      <Select
                        style={{ width: '100%' }}
                        aria-label={t('ui.import.mapping.kind')}
                        value={r.choice.newUnitKind}
                        onChange={(newUnitKind) => setChoice(r.name, { newUnitKind })}
                        options={UNIT_KINDS.map((k) => ({ value: k, label: t(`ui.import.unitKind.${k}`) }))}
                      />
                    ) : (
                      <Select
                        style={{ width: '100%' }}
                        showSearch={{ optionFilterProp: 'label' }}
                        placeholder={t('ui.import.mapping.choose')}
                        value={r.choice.unitId ?? undefined}
                        status={r.choice.unitId ? undefined : 'error'}
                        onChange={(unitId) => setChoice(r.name, { unitId, unknown: false })}
                        options={unitOptions}
                      />
                    ),
                },
              ]}
            />
          </Card>

          {(problem || save.isError) && <Alert type="error" showIcon style={{ marginTop: 16 }} title={problem ?? errorText(save.error)} data-testid="import-save-error" />}
          <Flex justify="flex-end" style={{ marginTop: 16 }}>
            <Button type="primary" size="large" loading={save.isPending} onClick={() => void onSave()} data-testid="import-save">
              {t('ui.import.save')}
            </Button>
          </Flex>
        </Col>
        {showSource && (
          <Col span={9}>
            <Card title={t('ui.import.source')} size="small" style={{ position: 'sticky', top: 8 }} data-testid="import-source">
              <Tabs
                items={[
                  {
                    key: 'rows',
                    label: t('ui.import.sourceTable'),
                    children: (
                      <div style={{ maxHeight: '75vh', overflow: 'auto' }}>
                        <Table size="small" pagination={false} bordered rowKey="i" columns={sourceColumns} dataSource={result.source.rows.map((cells, i) => ({ i, cells }))} />
                      </div>
                    ),
                  },
                  {
                    key: 'text',
                    label: t('ui.import.sourceText'),
                    children: <pre style={{ whiteSpace: 'pre-wrap', maxHeight: '75vh', overflow: 'auto', fontFamily: 'inherit' }}>{result.source.text}</pre>,
                  },
                ]}
              />
            </Card>
          </Col>
        )}
      </Row>
    </div>
  );
}
