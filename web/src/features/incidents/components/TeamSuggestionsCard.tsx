import { Card, Empty, List, Space, Tag, Typography } from 'antd'
import { Link } from 'react-router'
import { useI18n } from '../../../i18n/i18n.tsx'
import { errorText } from '../../../lib/api-error.ts'
import { useTeamSuggestions } from '../api/incidents.ts'
import type { IncidentCore, TeamSuggestion } from '../api/types.ts'

/** The teams recommended for this incident, each with why it stands where it does; held-back teams last. */
export function TeamSuggestionsCard({ incident }: { incident: IncidentCore }) {
  const { t, locale } = useI18n()
  const teams = useTeamSuggestions(incident.id, incident.location !== null)
  // The best five, then the teams kept in reserve (the reason matters to the commander); the rest are on the dispatch page.
  const ranked = teams.data?.items ?? []
  const items = [...ranked.filter((team) => !team.held).slice(0, 5), ...ranked.filter((team) => team.heldReason === 'reserve')]
  return (
    <Card
      size="small" title={t('incidents.teams.title')} data-testid="team-suggestions" loading={teams.isPending && teams.fetchStatus !== 'idle'}
      extra={(
        <Space size="middle">
          <Link to={`/dispatch/evacuation?divisionCodes=${incident.divisionCode}`} data-testid="incident-evacuation-open">{t('dispatch.evac.title')}</Link>
          <Link to={`/dispatch/teams?incidentId=${incident.id}`} data-testid="team-suggestions-open">{t('incidents.teams.open')}</Link>
        </Space>
      )}
    >
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={teams.error ? errorText(teams.error, locale) : t('incidents.teams.none')} />
      ) : (
        <List<TeamSuggestion>
          size="small"
          dataSource={items}
          renderItem={(team) => (
            <List.Item data-testid="team-suggestion">
              <List.Item.Meta
                title={(
                  <Space wrap size={4}>
                    <Tag color={team.held ? 'default' : team.rank === 1 ? 'green' : 'blue'}>{team.rank}</Tag>
                    <span data-testid="team-suggestion-name">{team.name}</span>
                    {team.held && <Tag data-testid="team-suggestion-held">{t(team.heldReason === 'reserve' ? 'incidents.teams.reserve' : 'incidents.teams.held')}</Tag>}
                    {team.travelMinutes !== null && <Typography.Text type="secondary">{t('incidents.teams.minutes', { minutes: team.travelMinutes })}</Typography.Text>}
                  </Space>
                )}
                description={<span data-testid="team-suggestion-why">{locale === 'en' ? team.whyEn : team.why}</span>}
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  )
}
