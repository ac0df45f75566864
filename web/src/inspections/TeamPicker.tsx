/** The team: one leader and members picked from the commune's people, shown with their units (members come from several units). */
import type { TTeamRole } from '@contract';
import { Flex, Select, Typography } from 'antd';
import { useT } from '../app/i18n';
import { useTeamCandidates } from './api';

export interface TeamValue {
  leader: number | null;
  members: number[];
}

export const teamFromMembers = (team: { userId: number; role: TTeamRole }[]): TeamValue => ({
  leader: team.find((m) => m.role === 'leader')?.userId ?? null,
  members: team.filter((m) => m.role === 'member').map((m) => m.userId),
});

export const teamToMembers = (value: TeamValue): { userId: number; role: TTeamRole }[] => [
  ...(value.leader !== null ? [{ userId: value.leader, role: 'leader' as const }] : []),
  ...value.members.filter((id) => id !== value.leader).map((userId) => ({ userId, role: 'member' as const })),
];

export function TeamPicker({ communeId, value, onChange }: { communeId: number | null; value: TeamValue; onChange: (value: TeamValue) => void }) {
  const t = useT();
  const candidates = useTeamCandidates(communeId);
  const options = (candidates.data?.people ?? []).map((p) => ({
    value: p.userId,
    label: p.unitName ? `${p.fullName} — ${p.unitName}` : p.fullName,
  }));
  return (
    <Flex vertical gap={8}>
      <div>
        <Typography.Text>{t('ui.insp.team.leader')}</Typography.Text>
        <Select<number>
          showSearch
          optionFilterProp="label"
          allowClear
          loading={candidates.isPending}
          value={value.leader ?? undefined}
          onChange={(leader) => onChange({ ...value, leader: leader ?? null })}
          options={options}
          style={{ width: '100%' }}
          data-testid="team-leader"
        />
      </div>
      <div>
        <Typography.Text>{t('ui.insp.team.members')}</Typography.Text>
        <Select<number[]>
          mode="multiple"
          showSearch
          optionFilterProp="label"
          loading={candidates.isPending}
          value={value.members}
          onChange={(members) => onChange({ ...value, members })}
          options={options.filter((o) => o.value !== value.leader)}
          style={{ width: '100%' }}
          data-testid="team-members"
        />
      </div>
    </Flex>
  );
}
