import { useState } from 'react'
import { Button, Input, Segmented, Space, Timeline, Typography } from 'antd'
import { useI18n } from '../../../i18n/i18n.tsx'
import type { MessageKey } from '../../../i18n/messages.ts'
import { useAddLogEntry, useAnnotate } from '../api/incidents.ts'
import type { LogEntry } from '../api/types.ts'
import { formatTime } from './format.ts'

const kindColours: Record<string, string> = { created: 'green', graded: 'orange', plan_activated: 'red', level_changed: 'red', closed: 'gray', decision: 'blue', call: 'blue', note: 'blue', annotation: 'gray' }
const manualKinds = ['decision', 'call', 'note'] as const

/** 指挥日志: the append-only timeline, newest first; a manual entry, or an annotation of an entry (never an edit). */
export function CommandLog({ incidentId, entries, canWrite }: { incidentId: string; entries: LogEntry[]; canWrite: boolean }) {
  const { t } = useI18n()
  const add = useAddLogEntry(incidentId)
  const annotate = useAnnotate(incidentId)
  const [text, setText] = useState('')
  const [kind, setKind] = useState<(typeof manualKinds)[number]>('decision')
  const [annotating, setAnnotating] = useState<LogEntry | null>(null)
  const kindName = (key: string) => {
    const name = t(`incidents.log.${key}` as MessageKey)
    return name === undefined ? key : name
  }
  const byId = new Map(entries.map((entry) => [entry.id, entry]))
  const ordered = [...entries].sort((a, b) => b.at.localeCompare(a.at) || b.id - a.id)
  const done = { onSuccess: () => { setText(''); setAnnotating(null) } }
  const submit = () => {
    if (!text.trim()) return
    if (annotating) annotate.mutate({ entryId: annotating.id, text: text.trim() }, done)
    else add.mutate({ kind, text: text.trim() }, done)
  }
  return (
    <div data-testid="command-log">
      {canWrite && (
        <Space direction="vertical" style={{ width: '100%', marginBottom: 12 }}>
          {!annotating && (
            <Segmented value={kind} onChange={(value) => setKind(value as typeof kind)} options={manualKinds.map((value) => ({ value, label: kindName(value) }))} />
          )}
          <Space.Compact block>
            <Input
              value={text}
              maxLength={4000}
              onChange={(event) => setText(event.target.value)}
              onPressEnter={submit}
              placeholder={annotating ? t('incidents.annotatePlaceholder', { text: annotating.text.slice(0, 30) }) : t('incidents.logPlaceholder')}
              aria-label={t('incidents.logEntry')}
              data-testid="log-input"
            />
            {annotating && <Button onClick={() => setAnnotating(null)}>{t('incidents.cancel')}</Button>}
            <Button type="primary" disabled={!text.trim()} loading={add.isPending || annotate.isPending} onClick={submit} data-testid="log-add">
              {t(annotating ? 'incidents.annotate' : 'incidents.addLog')}
            </Button>
          </Space.Compact>
        </Space>
      )}
      <Timeline
        items={ordered.map((entry) => {
          const target = entry.annotates === null ? undefined : byId.get(entry.annotates)
          return {
            color: kindColours[entry.kind] ?? (entry.manual ? 'blue' : 'gray'),
            content: (
              <div data-testid="log-entry" data-kind={entry.kind}>
                <Typography.Text type="secondary">{formatTime(entry.at, true)}</Typography.Text>
                {' · '}<Typography.Text strong>{kindName(entry.kind)}</Typography.Text>
                {' · '}{entry.actor.name}
                {target && <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>↳ {t('incidents.annotates')} {formatTime(target.at, true)}「{target.text.slice(0, 40)}」</Typography.Text></div>}
                <div style={{ whiteSpace: 'pre-wrap' }}>{entry.text}</div>
                {canWrite && <Button type="link" size="small" style={{ padding: 0, height: 'auto' }} onClick={() => setAnnotating(entry)}>{t('incidents.annotate')}</Button>}
              </div>
            ),
          }
        })}
      />
    </div>
  )
}
