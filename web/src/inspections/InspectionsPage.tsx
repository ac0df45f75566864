/**
 * The inspections' home: for the commune's managers and the teams, the year's coverage against the goal,
 * the inspection plans and the inspections they may see; for an inspected unit, only its own inspections
 * (the server leaves out a surprise one before its day — nothing here counts what the list does not show).
 */
import { FileTextOutlined, PlusOutlined } from '@ant-design/icons';
import { type TInspectionPlanSummary, type TInspectionSummary, UNIT_ROLES } from '@contract';
import { Button, Card, Flex, InputNumber, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useUser } from '../app/auth';
import { useCommune } from '../app/commune';
import { useErrorText } from '../app/feedback';
import { formatDate } from '../app/format';
import { useT } from '../app/i18n';
import { useInspectionList, usePlanList } from './api';
import { PlanForm } from './PlanForm';
import { CoverageBar, InspectionStatusTag } from './parts';

export function InspectionColumns(): TableColumnsType<TInspectionSummary> {
  const t = useT();
  return [
    {
      key: 'unit',
      title: t('ui.insp.col.unit'),
      render: (_, i) => (
        <Link to={`/inspections/${i.id}`} data-testid="inspection-link">
          {i.unit.name}
        </Link>
      ),
    },
    { key: 'visit', title: t('ui.insp.col.visit'), width: 120, render: (_, i) => formatDate(i.visitDate) },
    {
      key: 'form',
      title: t('ui.insp.col.form'),
      width: 150,
      render: (_, i) => (
        <>
          {i.surprise ? <Tag color="magenta">{t('ui.insp.form.surprise')}</Tag> : t('ui.insp.form.scheduled')}
          {i.kind === 're_inspection' && <Tag>{t('ui.insp.reInspection')}</Tag>}
        </>
      ),
    },
    { key: 'selfReport', title: t('ui.insp.col.selfReportDue'), width: 140, render: (_, i) => formatDate(i.selfReportDue) },
    { key: 'status', title: t('ui.insp.col.status'), width: 140, render: (_, i) => <InspectionStatusTag status={i.status} /> },
    { key: 'findings', title: t('ui.insp.col.findings'), width: 110, render: (_, i) => (i.findingsTotal > 0 ? `${i.findingsOpen}/${i.findingsTotal}` : '') },
  ];
}

function PlansTable({ plans }: { plans: TInspectionPlanSummary[] }) {
  const t = useT();
  const columns: TableColumnsType<TInspectionPlanSummary> = [
    {
      key: 'title',
      title: t('ui.insp.plan.title'),
      render: (_, p) => (
        <Link to={`/inspections/plans/${p.id}`} data-testid="inspection-plan-link">
          {p.title}
        </Link>
      ),
    },
    { key: 'number', title: t('ui.insp.plan.number'), width: 130, render: (_, p) => p.number },
    { key: 'period', title: t('ui.insp.plan.period'), width: 150, render: (_, p) => t(`ui.insp.period.${p.period}`) },
    { key: 'status', title: t('ui.insp.col.status'), width: 130, render: (_, p) => <Tag>{t(`ui.insp.planStatus.${p.status}`)}</Tag> },
    { key: 'count', title: t('ui.insp.plan.inspections'), width: 110, render: (_, p) => p.inspectionCount },
  ];
  return <Table<TInspectionPlanSummary> rowKey="id" size="small" columns={columns} dataSource={plans} pagination={false} scroll={{ x: 700 }} data-testid="inspection-plans" />;
}

export function InspectionsPage() {
  const t = useT();
  const user = useUser();
  const unitMember = (UNIT_ROLES as readonly string[]).includes(user.role);
  const [year, setYear] = useState(new Date().getFullYear());
  const [creating, setCreating] = useState(false);
  const { communeId } = useCommune();
  const plans = usePlanList(communeId, year);
  const inspections = useInspectionList(communeId, { year });
  const errorText = useErrorText();
  const columns = InspectionColumns();
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} className="page-title" data-testid="inspections-title">
          {unitMember ? t('ui.insp.unitTitle') : t('ui.nav.inspections')}
        </Typography.Title>
        <Flex gap={8} wrap>
          <InputNumber min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} addonBefore={t('ui.insp.year')} style={{ width: 160 }} />
          <Link to="/inspections/findings">
            <Button data-testid="findings-link">{t('ui.nav.findings')}</Button>
          </Link>
          {plans.data?.canManage && (
            <Link to="/inspections/plans/import">
              <Button icon={<FileTextOutlined />} data-testid="plan-import">
                {t('ui.inspImport.open')}
              </Button>
            </Link>
          )}
          {plans.data?.canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="plan-new">
              {t('ui.insp.plan.new')}
            </Button>
          )}
        </Flex>
      </Flex>
      {(plans.isError || inspections.isError) && <Typography.Text type="danger">{errorText(plans.error ?? inspections.error)}</Typography.Text>}
      {!unitMember && plans.data && (
        <>
          <Card size="small" title={t('ui.insp.coverage.title', { year })}>
            <CoverageBar coverage={plans.data.coverage} />
          </Card>
          <Card size="small" title={t('ui.insp.plans')}>
            <PlansTable plans={plans.data.plans} />
          </Card>
        </>
      )}
      <Card size="small" title={unitMember ? t('ui.insp.unitInspections') : t('ui.insp.allInspections')}>
        <Table<TInspectionSummary>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={inspections.data?.inspections ?? []}
          loading={inspections.isPending}
          pagination={false}
          scroll={{ x: 800 }}
          data-testid="inspections-table"
        />
      </Card>
      <PlanForm open={creating} onClose={() => setCreating(false)} />
    </Flex>
  );
}
