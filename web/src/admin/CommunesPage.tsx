import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { TCommune, TCommuneInput } from '@contract';
import { Button, Flex, Form, Input, InputNumber, Modal, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { usePermissions } from '../app/auth';
import { useNotify } from '../app/feedback';
import { useT } from '../app/i18n';
import { useCommunes } from '../app/reference';
import { useSaveCommune } from './queries';

function CommuneModal({ commune, onClose }: { commune: TCommune | null; onClose: () => void }) {
  const t = useT();
  const notify = useNotify();
  const save = useSaveCommune();
  const [form] = Form.useForm<TCommuneInput>();
  const submit = (input: TCommuneInput) =>
    save.mutate(
      { id: commune?.id, input },
      {
        onSuccess: () => {
          notify.success(t('ui.saved'));
          onClose();
        },
        onError: notify.error,
      },
    );
  return (
    <Modal
      open
      title={commune ? t('ui.communes.edit') : t('ui.communes.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('ui.save')}
      cancelText={t('ui.cancel')}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'commune-form-submit' } as Record<string, string>}
    >
      <Form<TCommuneInput> form={form} layout="vertical" initialValues={commune ?? { kind: 'xa', dueSoonDays: 7 }} onFinish={submit} data-testid="commune-form">
        <Form.Item name="name" label={t('ui.communes.name')} rules={[{ required: true, whitespace: true, message: t('ui.required') }]}>
          <Input data-testid="commune-form-name" />
        </Form.Item>
        <Form.Item name="kind" label={t('ui.communes.kind')} rules={[{ required: true }]}>
          <Select
            options={[
              { value: 'xa', label: t('ui.communes.kind.xa') },
              { value: 'phuong', label: t('ui.communes.kind.phuong') },
            ]}
            data-testid="commune-form-kind"
          />
        </Form.Item>
        <Form.Item name="code" label={t('ui.communes.code')} rules={[{ required: true, whitespace: true, message: t('ui.required') }]}>
          <Input data-testid="commune-form-code" />
        </Form.Item>
        <Form.Item name="dueSoonDays" label={t('ui.communes.dueSoonDays')} extra={t('ui.communes.dueSoonDaysHint')}>
          <InputNumber min={1} max={90} data-testid="commune-form-due-soon" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function CommunesPage() {
  const t = useT();
  const communes = useCommunes();
  const { canManageCity } = usePermissions();
  const [editing, setEditing] = useState<TCommune | null | 'new'>(null);
  return (
    <>
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }} wrap gap={8}>
        <Typography.Title level={3} className="page-title" style={{ margin: 0 }}>
          {t('ui.nav.communes')}
        </Typography.Title>
        {canManageCity && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="commune-add">
            {t('ui.communes.add')}
          </Button>
        )}
      </Flex>
      <Table<TCommune>
        data-testid="communes-table"
        rowKey="id"
        loading={communes.isPending}
        dataSource={communes.data ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: 700 }}
        columns={[
          { key: 'name', title: t('ui.communes.name'), render: (_, c) => c.name },
          { key: 'kind', title: t('ui.communes.kind'), render: (_, c) => t(`ui.communes.kind.${c.kind}`) },
          { key: 'code', title: t('ui.communes.code'), render: (_, c) => c.code },
          { key: 'city', title: t('ui.communes.city'), render: (_, c) => c.cityName },
          { key: 'dueSoon', title: t('ui.communes.dueSoonDays'), render: (_, c) => c.dueSoonDays },
          {
            key: 'actions',
            title: '',
            width: 60,
            render: (_, c) => c.canEdit && <Button icon={<EditOutlined />} onClick={() => setEditing(c)} aria-label={t('ui.edit')} data-testid="commune-edit" />,
          },
        ]}
      />
      {editing !== null && <CommuneModal commune={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </>
  );
}
