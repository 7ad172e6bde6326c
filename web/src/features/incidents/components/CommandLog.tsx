import { useState } from 'react'
import { Button, Input, Space, Timeline, Typography } from 'antd'
import { useI18n } from '../../../i18n/i18n.tsx'
import type { MessageKey } from '../../../i18n/messages.ts'
import { useAddLogEntry } from '../api/log.ts'
import type { LogEntry } from '../api/types.ts'
import { formatTime } from './format.ts'

const kindColours: Record<string, string> = { manual: 'blue', decision: 'blue', call: 'blue', annotation: 'gray', plan_activated: 'red', level_changed: 'red', created: 'green' }

/** 指挥日志: the append-only timeline, newest first; a manual entry or an annotation of an entry (never an edit). */
export function CommandLog({ incidentId, entries, canWrite }: { incidentId: string; entries: LogEntry[]; canWrite: boolean }) {
  const { t, locale } = useI18n()
  const add = useAddLogEntry(incidentId)
  const [text, setText] = useState('')
  const [annotating, setAnnotating] = useState<LogEntry | null>(null)
  const kindName = (kind: string) => {
    const name = t(`incidents.log.${kind}` as MessageKey)
    return name === undefined ? kind : name
  }
  const ordered = [...entries].sort((a, b) => b.at.localeCompare(a.at))
  const submit = () =>
    add.mutate(
      { text: text.trim(), ...(annotating ? { annotates: annotating.id, kind: 'annotation' } : { kind: 'manual' }) },
      { onSuccess: () => { setText(''); setAnnotating(null) } },
    )
  return (
    <div data-testid="command-log">
      {canWrite && (
        <Space.Compact block style={{ marginBottom: 12 }}>
          <Input
            value={text}
            maxLength={1000}
            onChange={(event) => setText(event.target.value)}
            onPressEnter={() => text.trim() && submit()}
            placeholder={annotating ? t('incidents.annotatePlaceholder', { text: annotating.text.slice(0, 30) }) : t('incidents.logPlaceholder')}
            aria-label={t('incidents.logEntry')}
            data-testid="log-input"
          />
          {annotating && <Button onClick={() => setAnnotating(null)}>{t('incidents.cancel')}</Button>}
          <Button type="primary" disabled={!text.trim()} loading={add.isPending} onClick={submit} data-testid="log-add">{t('incidents.addLog')}</Button>
        </Space.Compact>
      )}
      <Timeline
        items={ordered.map((entry) => ({
          color: kindColours[entry.kind] ?? 'gray',
          content: (
            <div data-testid="log-entry" data-kind={entry.kind}>
              <Typography.Text type="secondary">{formatTime(entry.at, true)}</Typography.Text>
              {' · '}<Typography.Text strong>{kindName(entry.kind)}</Typography.Text>
              {entry.actor && <> · {entry.actor}</>}
              <div style={entry.annotates ? { borderLeft: '3px solid #d9d9d9', paddingLeft: 8 } : undefined}>
                {locale === 'en' && entry.textEn ? entry.textEn : entry.text}
              </div>
              {canWrite && <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setAnnotating(entry)}>{t('incidents.annotate')}</Button>}
            </div>
          ),
        }))}
      />
    </div>
  )
}
