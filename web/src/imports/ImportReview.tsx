/** The review of an extracted plan: metadata and targets, warnings, the task table, unit mapping, source; then save. */
import type { TImportResult, TPlanDetail, TPlanKind, TReviewedPlan, TSchedule } from '@contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, DatePicker, Drawer, Flex, Form, Input, Row, Select, Table, Tabs, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { ApiError, api } from '../app/api';
import { useErrorText } from '../app/feedback';
import { DATE_FORMAT, toIsoDate } from '../app/format';
import { useT } from '../app/i18n';
import { useUnits } from '../app/reference';
import { buildTasks, defaultChoice, flaggedFields, mappingFromImport, mergeUp, namesOf, newKey, rowsFromImport, splitRow, warningsAfterEdit } from './model';
import { ReviewTable, type ReviewTableHandle } from './ReviewTable';
import { type TargetRow, TargetsEditor } from './TargetsEditor';
import type { MappingChoice, ReviewField, ReviewRow } from './types';
import { UnitMapping } from './UnitMapping';
import './review.css';

const KINDS: TPlanKind[] = ['annual', 'half_year', 'thematic', 'inspection'];

interface MetaValues {
  title: string;
  number?: string;
  issuer?: string;
  issueDate?: Dayjs | null;
  kind: TPlanKind;
  period: [Dayjs, Dayjs];
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
  const [targets, setTargets] = useState<TargetRow[]>(() => result.targets.map((x) => ({ key: newKey(), text: x.text, comparator: x.comparator, value: x.value, unit: x.unit })));
  const [showSource, setShowSource] = useState(false);
  const table = useRef<ReviewTableHandle>(null);
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

  const update = useCallback((key: string, patch: Partial<ReviewRow>) => setRows((all) => all.map((r) => (r.key === key ? { ...r, ...patch } : r))), []);
  // An edited cell has been looked at: the reader's warnings about it go.
  const edit = useCallback(
    (key: string, field: ReviewField, patch: Partial<ReviewRow>) =>
      setRows((all) => all.map((r) => (r.key === key ? { ...r, ...patch, warnings: warningsAfterEdit(r.warnings, field) } : r))),
    [],
  );
  const flags = useMemo(() => new Map(rows.map((r) => [r.key, flaggedFields(r, isUnknown)])), [rows, isUnknown]);

  const reparse = useCallback(
    async (key: string, text: string) => {
      edit(key, 'timeframe', { timeframeText: text });
      const period = form.getFieldValue('period') as [Dayjs, Dayjs] | undefined;
      if (!period?.[0] || !period?.[1]) return;
      try {
        const schedule = await api.post<TSchedule>('/api/timeframe/parse', { text, periodStart: toIsoDate(period[0]), periodEnd: toIsoDate(period[1]) });
        update(key, { timeframeKind: schedule.kind, due: schedule.due });
      } catch {
        /* the preview is only a help */
      }
    },
    [edit, update, form],
  );

  const onAction = useCallback((key: string, action: 'merge' | 'split' | 'delete') => {
    setRows((all) => {
      const index = all.findIndex((r) => r.key === key);
      if (action === 'merge') return mergeUp(all, index);
      if (action === 'split') return splitRow(all, index);
      return all.filter((r) => r.key !== key);
    });
  }, []);

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

  const unitOptions = (units.data ?? []).filter((u) => u.active).map((u) => ({ value: u.id, label: u.name }));
  const setChoice = useCallback((name: string, patch: Partial<MappingChoice>) => setMapping((m) => ({ ...m, [name]: { ...(m[name] ?? defaultChoice(name)), ...patch } })), []);

  const sourceColumns = useMemo(() => {
    const width = Math.max(0, ...result.source.rows.map((r) => r.length));
    return Array.from({ length: width }, (_, i) => ({ key: String(i), title: String(i + 1), render: (_: unknown, r: { cells: string[] }) => r.cells[i] ?? '' }));
  }, [result]);

  return (
    <div data-testid="import-review" className="review">
      {result.warnings.length > 0 && (
        <Card size="small" className="review-warnings" data-testid="import-warnings" title={t('ui.import.warnings', { count: result.warnings.length })}>
          <ul>
            {result.warnings.map((w) => (
              <li key={`${w.code}:${w.task ?? ''}:${w.message}`}>
                {w.task != null ? (
                  <button type="button" className="review-link" onClick={() => table.current?.focusTask(w.task as number)}>
                    {w.message}
                  </button>
                ) : (
                  w.message
                )}
              </li>
            ))}
          </ul>
        </Card>
      )}
      <Card title={t('ui.import.meta')} size="small" className="review-card">
        <Form form={form} layout="vertical" initialValues={initial}>
          <Form.Item name="title" label={t('ui.import.field.title')} rules={[{ required: true, whitespace: true, message: t('ui.required') }]}>
            <Input.TextArea rows={2} data-testid="import-title" />
          </Form.Item>
          <Row gutter={12}>
            <Col xs={24} md={8} xl={4}>
              <Form.Item name="number" label={t('ui.import.field.number')}>
                <Input />
              </Form.Item>
            </Col>
            <Col xs={24} md={16} xl={7}>
              <Form.Item name="issuer" label={t('ui.import.field.issuer')}>
                <Input />
              </Form.Item>
            </Col>
            <Col xs={24} md={8} xl={4}>
              <Form.Item name="issueDate" label={t('ui.import.field.issueDate')}>
                <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8} xl={4}>
              <Form.Item name="kind" label={t('ui.import.field.kind')} rules={[{ required: true, message: t('ui.required') }]}>
                <Select options={KINDS.map((k) => ({ value: k, label: t(`planKind.${k}`) }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8} xl={5}>
              <Form.Item name="period" label={t('ui.import.field.period')} rules={[{ required: true, message: t('ui.required') }]}>
                <DatePicker.RangePicker format={DATE_FORMAT} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
        </Form>
        <Typography.Text strong>{t('ui.import.targets')}</Typography.Text>
        <TargetsEditor targets={targets} onChange={setTargets} />
      </Card>

      <Flex justify="space-between" align="center" wrap gap={8} className="review-tasks-head">
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('ui.import.tasks', { count: rows.length })}
        </Typography.Title>
        <Button onClick={() => setShowSource(true)} data-testid="import-source-toggle">
          {t('ui.import.showSource')}
        </Button>
      </Flex>
      <ReviewTable handle={table} rows={rows} flags={flags} isUnknown={isUnknown} sourceRows={result.source.rows} onEdit={edit} onTimeframe={reparse} onAction={onAction} />

      <Card title={t('ui.import.mapping')} size="small" className="review-card" data-testid="import-mapping">
        <UnitMapping names={names} choiceOf={choiceOf} unitOptions={unitOptions} onChange={setChoice} />
      </Card>

      {(problem || save.isError) && <Alert type="error" showIcon style={{ marginTop: 16 }} title={problem ?? errorText(save.error)} data-testid="import-save-error" />}
      <Flex justify="flex-end" style={{ marginTop: 16 }}>
        <Button type="primary" size="large" loading={save.isPending} onClick={() => void onSave()} data-testid="import-save">
          {t('ui.import.save')}
        </Button>
      </Flex>

      <Drawer
        open={showSource}
        onClose={() => setShowSource(false)}
        title={t('ui.import.source')}
        size="large"
        destroyOnHidden
        styles={{ wrapper: { maxWidth: '100vw' } }}
        data-testid="import-source"
      >
        <Tabs
          items={[
            {
              key: 'rows',
              label: t('ui.import.sourceTable'),
              children: (
                <div style={{ overflow: 'auto' }}>
                  <Table size="small" pagination={false} bordered rowKey="i" columns={sourceColumns} dataSource={result.source.rows.map((cells, i) => ({ i, cells }))} />
                </div>
              ),
            },
            {
              key: 'text',
              label: t('ui.import.sourceText'),
              children: <pre className="review-source-text">{result.source.text}</pre>,
            },
          ]}
        />
      </Drawer>
    </div>
  );
}
