/** The steps of a plan's life the person may take now (from the plan's can… flags): submit, issue, close, delete. */
import type { TPlanDetail } from '@contract';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Form, Input, Modal, Popconfirm, Space, Tag } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api } from '../app/api';
import { useT } from '../app/i18n';

interface IssueForm {
  number: string;
  issueDate: { format: (f: string) => string };
  signer: string;
}

export function PlanActions({ plan }: { plan: TPlanDetail }) {
  const t = useT();
  const { message } = App.useApp();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [issuing, setIssuing] = useState(false);
  const [form] = Form.useForm<IssueForm>();
  const refresh = () => client.invalidateQueries({ queryKey: ['plans'] });
  const run = async (action: () => Promise<unknown>) => {
    try {
      await action();
      await refresh();
    } catch (error) {
      message.error((error as Error).message);
    }
  };
  const issue = async () => {
    const values = await form.validateFields();
    await run(() => api.post(`/api/plans/${plan.id}/issue`, { number: values.number, issueDate: values.issueDate.format('YYYY-MM-DD'), signer: values.signer }));
    setIssuing(false);
  };
  return (
    <Space wrap data-testid="plan-actions" style={{ marginTop: 12 }}>
      {plan.status !== 'draft' && <Tag data-testid="plan-version">{t('ui.planLife.version', { version: plan.version })}</Tag>}
      <Button href={`/api/plans/${plan.id}/document`} data-testid="plan-document">
        {t('ui.planLife.document')}
      </Button>
      {plan.canSubmit && (
        <Button type="primary" data-testid="plan-submit" onClick={() => run(() => api.post(`/api/plans/${plan.id}/submit`))}>
          {t('ui.planLife.submit')}
        </Button>
      )}
      {plan.canIssue && (
        <>
          <Button type="primary" data-testid="plan-issue" onClick={() => setIssuing(true)}>
            {t('ui.planLife.issue')}
          </Button>
          <Button data-testid="plan-return" onClick={() => run(() => api.post(`/api/plans/${plan.id}/return`))}>
            {t('ui.planLife.return')}
          </Button>
        </>
      )}
      {plan.canClose && (
        <Button data-testid="plan-close" onClick={() => run(() => api.post(`/api/plans/${plan.id}/close`))}>
          {t('ui.planLife.close')}
        </Button>
      )}
      {plan.canDelete && (
        <Popconfirm title={t('ui.planLife.deleteConfirm')} onConfirm={() => run(async () => api.del(`/api/plans/${plan.id}`).then(() => navigate('/plans')))}>
          <Button danger data-testid="plan-delete">
            {t('ui.planLife.delete')}
          </Button>
        </Popconfirm>
      )}
      <Modal open={issuing} title={t('ui.planLife.issue')} onOk={issue} onCancel={() => setIssuing(false)} okButtonProps={{ id: 'plan-issue-ok' }}>
        <Form form={form} layout="vertical">
          <Form.Item name="number" label={t('ui.planLife.number')} rules={[{ required: true }]}>
            <Input data-testid="issue-number" placeholder="125/KH-UBND" />
          </Form.Item>
          <Form.Item name="issueDate" label={t('ui.planLife.issueDate')} rules={[{ required: true }]}>
            <DatePicker format="DD/MM/YYYY" data-testid="issue-date" />
          </Form.Item>
          <Form.Item name="signer" label={t('ui.planLife.signer')} rules={[{ required: true }]}>
            <Input data-testid="issue-signer" />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
