import { Card, Empty, Table, Tabs, Tag, Typography } from 'antd'
import type { MessageKey } from '../../../i18n/messages.ts'
import { enumLabel } from '../../../components/registry/fields.tsx'
import { pick, useI18n } from '../../../i18n/i18n.tsx'
import type { ChecklistItem, PlanLevel } from '../api/types.ts'

const levelColors = { 1: 'red', 2: 'orange', 3: 'gold', 4: 'blue' } as const

/** Response levels Ⅰ–Ⅳ: criteria in words and the checklist of each. */
export function PlanLevels({ levels }: { levels: PlanLevel[] }) {
  const { t, locale } = useI18n()
  if (levels.length === 0) return <Card title={t('plans.levels')}><Empty /></Card>
  const assigneeText = (item: ChecklistItem) => (item.assigneeKind === 'teamType' ? `${enumLabel(t, 'plans.assigneeKind', item.assigneeKind)}：${enumLabel(t, 'team.type', item.assignee)}` : item.assignee)
  const ordered = [...levels].sort((a, b) => b.level - a.level)
  return (
    <Card title={t('plans.levels')} data-testid="plan-levels">
      <Tabs
        items={ordered.map((level) => ({
          key: String(level.level),
          label: <Tag color={levelColors[level.level]} style={{ marginInlineEnd: 0 }}>{level.name || t(`plans.level.${level.level}` as MessageKey)}</Tag>,
          children: (
            <div data-testid={`plan-level-${level.level}`}>
              {level.description && <Typography.Paragraph type="secondary">{level.description}</Typography.Paragraph>}
              <Typography.Paragraph>
                <Typography.Text strong>{t('plans.criteria')}：</Typography.Text>
                <span data-testid="criteria-text">{level.criteriaText ? pick(locale, level.criteriaText) : t('plans.criteriaNone')}</span>
              </Typography.Paragraph>
              <Table<ChecklistItem & { key: number }>
                size="small"
                pagination={false}
                title={() => <Typography.Text strong>{t('plans.checklist')}</Typography.Text>}
                dataSource={level.checklist.map((item, i) => ({ ...item, key: i }))}
                columns={[
                  { title: '#', render: (_v, _r, i) => i + 1, width: 40 },
                  { title: t('plans.assignee'), render: (_v, item) => assigneeText(item), width: 200 },
                  { title: t('plans.task'), dataIndex: 'task' },
                  { title: t('plans.deadline'), dataIndex: 'deadlineMinutes', width: 120, render: (n: number) => t('plans.deadlineMinutes', { n }) },
                ]}
              />
            </div>
          ),
        }))}
      />
    </Card>
  )
}
