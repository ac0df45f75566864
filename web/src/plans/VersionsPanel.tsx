/**
 * The plan's versions (issued, then one per decided amendment) and what changed between any two:
 * tasks added, dropped, rescheduled, with a new lead unit or product — "before → after" in words.
 */
import type { TVersionDiff } from '@contract';
import { Alert, Card, Empty, Flex, Select, Skeleton, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useErrorText } from '../app/feedback';
import { formatDate } from '../app/format';
import { useT } from '../app/i18n';
import { useAmendments, useVersionDiff } from './queries';

type DiffKey = Exclude<keyof TVersionDiff, 'from' | 'to'>;
const SECTIONS: { key: DiffKey; color: string; showFromTo: boolean }[] = [
  { key: 'added', color: 'green', showFromTo: false },
  { key: 'removed', color: 'red', showFromTo: false },
  { key: 'rescheduled', color: 'blue', showFromTo: true },
  { key: 'leadChanged', color: 'purple', showFromTo: true },
  { key: 'productChanged', color: 'gold', showFromTo: true },
];

function DiffView({ diff }: { diff: TVersionDiff }) {
  const t = useT();
  const shown = SECTIONS.filter((s) => diff[s.key].length > 0);
  if (shown.length === 0) return <Empty description={t('ui.versions.noChange')} />;
  return (
    <Flex vertical gap={16} data-testid="version-diff">
      {shown.map((section) => (
        <div key={section.key} data-testid={`diff-${section.key}`}>
          <Typography.Title level={5} style={{ marginBottom: 8 }}>
            <Tag color={section.color}>{diff[section.key].length}</Tag> {t(`ui.diff.${section.key}`)}
          </Typography.Title>
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {diff[section.key].map((row) => (
              <li key={`${row.taskId}-${row.to}`} style={{ marginBottom: 6 }} data-testid="diff-row">
                {row.content}
                {section.key === 'added' && row.to && <Typography.Text type="secondary"> ({row.to})</Typography.Text>}
                {section.showFromTo && (
                  <div>
                    <Typography.Text type="secondary">{t('ui.diff.before')}: </Typography.Text>
                    <Typography.Text delete>{row.from ?? '—'}</Typography.Text>
                    <Typography.Text type="secondary"> → {t('ui.diff.after')}: </Typography.Text>
                    <Typography.Text strong>{row.to ?? '—'}</Typography.Text>
                  </div>
                )}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </Flex>
  );
}

export function VersionsPanel({ planId }: { planId: number }) {
  const t = useT();
  const story = useAmendments(planId);
  const errorText = useErrorText();
  const versions = story.data?.versions ?? [];
  const last = versions.at(-1)?.version ?? null;
  const [chosenFrom, setFrom] = useState<number | null>(null);
  const [chosenTo, setTo] = useState<number | null>(null);
  // Until one is chosen, the last change: the version before the newest against the newest.
  const hasChange = last !== null && last > 1;
  const from = chosenFrom ?? (hasChange ? last - 1 : null);
  const to = chosenTo ?? (hasChange ? last : null);
  const diff = useVersionDiff(planId, from, to);
  if (story.isPending) return <Skeleton active />;
  if (story.isError) return <Alert type="error" showIcon title={errorText(story.error)} />;
  if (versions.length === 0) return <Empty description={t('ui.versions.none')} />;
  const options = versions.map((v) => ({ value: v.version, label: t('ui.planLife.version', { version: v.version }) }));
  return (
    <Flex vertical gap={16} data-testid="versions-panel">
      <Table
        rowKey="version"
        size="small"
        pagination={false}
        dataSource={versions}
        data-testid="versions-table"
        columns={[
          { key: 'version', title: t('ui.versions.col.version'), width: 110, render: (_, v) => <strong>{v.version}</strong> },
          {
            key: 'document',
            title: t('ui.versions.col.document'),
            render: (_, v) => `${v.amendmentId === null ? t('ui.versions.issued') : t('ui.versions.amended')}: ${v.documentNumber ?? '—'}`,
          },
          { key: 'date', title: t('ui.versions.col.date'), width: 140, render: (_, v) => formatDate(v.documentDate) || '—' },
          { key: 'from', title: t('ui.versions.col.from'), width: 140, render: (_, v) => formatDate(v.inForceFrom) },
          { key: 'tasks', title: t('ui.versions.col.tasks'), width: 120, align: 'right', render: (_, v) => v.taskCount },
        ]}
      />
      {versions.length > 1 && (
        <Card
          size="small"
          title={
            <Flex gap={8} align="center" wrap>
              {t('ui.versions.compare')}
              <Select value={from} options={options} onChange={setFrom} style={{ width: 140 }} data-testid="diff-from" />
              {t('ui.versions.with')}
              <Select value={to} options={options} onChange={setTo} style={{ width: 140 }} data-testid="diff-to" />
            </Flex>
          }
        >
          {from === to ? (
            <Typography.Text type="secondary">{t('ui.versions.same')}</Typography.Text>
          ) : diff.isError ? (
            <Alert type="error" showIcon title={errorText(diff.error)} />
          ) : diff.data ? (
            <DiffView diff={diff.data} />
          ) : (
            <Skeleton active />
          )}
        </Card>
      )}
    </Flex>
  );
}
