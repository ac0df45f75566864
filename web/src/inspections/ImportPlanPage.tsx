/**
 * Importing an inspection plan from its document (seed 003): upload, review each field read — with how sure the
 * reading is and the sentence it came from, the unsure ones highlighted — correct, then save through the create route.
 */
import { InboxOutlined } from '@ant-design/icons';
import type { TInspectionPlanImport } from '@contract';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, DatePicker, Flex, Form, Input, InputNumber, Radio, Select, Spin, Tag, Typography, Upload } from 'antd';
import dayjs from 'dayjs';
import { type ReactNode, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useCommune } from '../app/commune';
import { useErrorText, useNotify } from '../app/feedback';
import { DATE_FORMAT, MONTH_FORMAT, toIsoDate } from '../app/format';
import { useT } from '../app/i18n';
import { inspectionApi } from './api';
import { areaOptions, formOptions, goalOptions, type PlanValues, periodOptions, toPlanInput, usePlanCreation } from './planFields';
import { TeamPicker } from './TeamPicker';
import './import.css';

type Reading = TInspectionPlanImport['reading'];
type ReadKey = Exclude<keyof Reading, 'source'>;

/** The plan's fields plus the document's own number and signing date. */
interface Values extends PlanValues {
  number: string;
  signedOn: dayjs.Dayjs | null;
}

const day = (iso: string | null) => (iso ? dayjs(iso) : null);

function initialValues(result: TInspectionPlanImport): Values {
  const d = result.draft;
  return {
    title: d.title,
    number: d.number,
    signedOn: day(d.signedOn),
    year: d.year,
    period: d.period,
    reviewFrom: day(d.reviewFrom),
    reviewTo: day(d.reviewTo),
    areas: d.areas,
    forms: d.forms,
    coverageGoalPercent: 30,
    visitMonth: d.visitMonth ? dayjs(`${d.visitMonth}-01`) : null,
    selfReportDeadline: day(d.selfReportDeadline),
    targetUnitIds: d.targetUnitIds,
    reviewedPlanId: d.reviewedPlanId,
  };
}

/** How sure the reading of one field is, and the sentence it was read from. */
function ReadNote({ reading, field }: { reading: Reading; field: ReadKey }) {
  const t = useT();
  const { confidence, text } = reading[field];
  const color = confidence === 'found' ? 'green' : confidence === 'inferred' ? 'gold' : 'red';
  return (
    <span data-testid={`read-${field}`} data-confidence={confidence}>
      <Tag color={color}>{t(`ui.inspImport.conf.${confidence}`)}</Tag>
      {text && <Typography.Text type="secondary">{t('ui.inspImport.from', { text })}</Typography.Text>}
    </span>
  );
}

/** A form row that carries its reading; a field not read for sure is highlighted. */
function ReadItem({ reading, field, label, children }: { reading: Reading; field: ReadKey; label: string; children: ReactNode }) {
  return (
    <div className={reading[field].confidence === 'found' ? 'insp-read' : 'insp-read insp-read-flagged'}>
      <Form.Item label={label} extra={<ReadNote reading={reading} field={field} />} style={{ marginBottom: 0 }}>
        {children}
      </Form.Item>
    </div>
  );
}

function Review({ result, fileName }: { result: TInspectionPlanImport; fileName: string }) {
  const t = useT();
  const notify = useNotify();
  const navigate = useNavigate();
  const { communeId, units, plans, team, setTeam, create } = usePlanCreation();
  const [form] = Form.useForm<Values>();
  const r = result.reading;
  const required = [{ required: true, message: t('ui.insp.required') }];

  const submit = (v: Values) =>
    create
      .mutateAsync({
        ...toPlanInput(v, team),
        number: v.number,
        signedOn: v.signedOn ? toIsoDate(v.signedOn) : null,
        sourceFileName: result.draft.sourceFileName ?? fileName,
      })
      .then((plan) => navigate(`/inspections/plans/${plan.id}`), notify.error);

  return (
    <Flex vertical gap={12}>
      {result.warnings.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="insp-import-warnings"
          title={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {result.warnings.map((w) => (
                <li key={`${w.code}-${w.message}`}>{w.message}</li>
              ))}
            </ul>
          }
        />
      )}
      <Card size="small">
        <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={initialValues(result)} className="insp-import-form">
          <ReadItem reading={r} field="title" label={t('ui.insp.plan.title')}>
            <Form.Item name="title" rules={required} noStyle>
              <Input.TextArea autoSize data-testid="insp-import-title" />
            </Form.Item>
          </ReadItem>
          <Flex gap={12} wrap>
            <ReadItem reading={r} field="number" label={t('ui.inspImport.number')}>
              <Form.Item name="number" noStyle>
                <Input style={{ width: 200 }} data-testid="insp-import-number" />
              </Form.Item>
            </ReadItem>
            <ReadItem reading={r} field="date" label={t('ui.inspImport.signedOn')}>
              <Form.Item name="signedOn" noStyle>
                <DatePicker format={DATE_FORMAT} />
              </Form.Item>
            </ReadItem>
          </Flex>
          <ReadItem reading={r} field="period" label={t('ui.insp.plan.yearPeriod')}>
            <Flex gap={8} wrap align="center">
              <Form.Item name="year" noStyle>
                <InputNumber min={2000} max={2100} data-testid="insp-import-year" />
              </Form.Item>
              <Form.Item name="period" noStyle>
                <Radio.Group options={periodOptions(t)} />
              </Form.Item>
            </Flex>
          </ReadItem>
          <ReadItem reading={r} field="reviewWindow" label={t('ui.insp.plan.window')}>
            <Flex gap={8} wrap>
              <Form.Item name="reviewFrom" rules={required} noStyle>
                <DatePicker format={DATE_FORMAT} placeholder={t('ui.insp.plan.from')} data-testid="insp-import-review-from" />
              </Form.Item>
              <Form.Item name="reviewTo" noStyle>
                <DatePicker format={DATE_FORMAT} placeholder={t('ui.insp.plan.toVisitShort')} />
              </Form.Item>
            </Flex>
          </ReadItem>
          <ReadItem reading={r} field="scope" label={t('ui.insp.plan.scope')}>
            <Form.Item name="areas" noStyle>
              <Checkbox.Group options={areaOptions(t)} style={{ display: 'grid' }} />
            </Form.Item>
          </ReadItem>
          <ReadItem reading={r} field="reformPlan" label={t('ui.insp.plan.reviewedPlan')}>
            <Form.Item name="reviewedPlanId" noStyle>
              <Select allowClear options={plans.map((p) => ({ value: p.id, label: p.title }))} data-testid="insp-import-reviewed" />
            </Form.Item>
          </ReadItem>
          <ReadItem reading={r} field="targets" label={t('ui.insp.plan.targets')}>
            <Form.Item name="targetUnitIds" noStyle>
              <Select
                mode="multiple"
                optionFilterProp="label"
                options={units.filter((u) => u.active).map((u) => ({ value: u.id, label: u.name }))}
                data-testid="insp-import-targets"
              />
            </Form.Item>
            <ul className="insp-import-targets" data-testid="insp-import-target-names">
              {result.targets.map((m) => (
                <li key={m.name} className={m.unitId === null ? 'insp-read-flagged' : undefined}>
                  {m.unitId === null ? t('ui.inspImport.targetUnmatched', { name: m.name }) : t('ui.inspImport.target', { name: m.name, unit: m.unitName ?? '' })}
                </li>
              ))}
            </ul>
          </ReadItem>
          <ReadItem reading={r} field="form" label={t('ui.insp.plan.forms')}>
            <Form.Item name="forms" rules={required} noStyle>
              <Checkbox.Group options={formOptions(t)} />
            </Form.Item>
          </ReadItem>
          <Flex gap={12} wrap>
            <ReadItem reading={r} field="visitWindow" label={t('ui.insp.plan.visitMonth')}>
              <Form.Item name="visitMonth" noStyle>
                <DatePicker picker="month" format={MONTH_FORMAT} data-testid="insp-import-visit-month" />
              </Form.Item>
            </ReadItem>
            <ReadItem reading={r} field="selfReport" label={t('ui.insp.plan.selfReportDeadline')}>
              <Form.Item name="selfReportDeadline" noStyle>
                <DatePicker format={DATE_FORMAT} data-testid="insp-import-self-report" />
              </Form.Item>
            </ReadItem>
          </Flex>
          <Form.Item name="coverageGoalPercent" label={t('ui.insp.plan.goal')} style={{ marginTop: 12 }}>
            <Radio.Group options={goalOptions(t)} />
          </Form.Item>
          <Form.Item label={t('ui.insp.team.title')}>
            <TeamPicker communeId={communeId} value={team} onChange={setTeam} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="insp-import-save">
            {t('ui.inspImport.save')}
          </Button>
        </Form>
      </Card>
    </Flex>
  );
}

export function ImportPlanPage() {
  const t = useT();
  const { communeId } = useCommune();
  const errorText = useErrorText();
  const [fileName, setFileName] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);
  const read = useMutation({
    mutationFn: (file: File) => inspectionApi.readPlanDocument(communeId, file),
  });
  const choose = (file: File) => {
    setLocalError(null);
    read.reset();
    if (!/\.(docx|pdf|txt)$/i.test(file.name)) setLocalError(t('ui.inspImport.badType'));
    else {
      setFileName(file.name);
      read.mutate(file);
    }
    return false;
  };
  return (
    <Flex vertical gap={12}>
      <Typography.Title level={3} className="page-title" data-testid="insp-import-title-page">
        {t('ui.inspImport.title')}
      </Typography.Title>
      {read.data ? (
        <>
          <div>
            <Button onClick={() => read.reset()}>{t('ui.inspImport.another')}</Button>
          </div>
          <Review key={fileName} result={read.data} fileName={fileName} />
        </>
      ) : read.isPending ? (
        <div style={{ textAlign: 'center', padding: 48 }}>
          <Spin size="large" />
          <div style={{ marginTop: 12 }}>{t('ui.inspImport.reading', { name: fileName })}</div>
        </div>
      ) : (
        <>
          {(localError || read.isError) && <Alert type="error" showIcon title={localError ?? errorText(read.error)} data-testid="insp-import-error" />}
          <div data-testid="insp-import-upload">
            <Upload.Dragger accept=".docx,.pdf,.txt" multiple={false} showUploadList={false} beforeUpload={choose} disabled={communeId === null}>
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{t('ui.inspImport.drop')}</p>
              <p className="ant-upload-hint">{t('ui.inspImport.hint')}</p>
            </Upload.Dragger>
          </div>
        </>
      )}
    </Flex>
  );
}
