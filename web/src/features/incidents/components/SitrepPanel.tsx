import { useEffect, useState } from 'react'
import { App, Button, Card, Empty, Input, Select, Space, Typography } from 'antd'
import { DownloadOutlined, FileAddOutlined, SaveOutlined } from '@ant-design/icons'
import { useI18n } from '../../../i18n/i18n.tsx'
import { errorText } from '../../../lib/api-error.ts'
import { downloadFile } from '../../../lib/file-transfer.ts'
import { sitrepDocxPath, useGenerateSitrep, useSaveSitrep } from '../api/incidents.ts'
import type { Sitrep, SitrepSection } from '../api/types.ts'
import { formatTime } from './format.ts'

/** 续报: generate the next issue's draft from the incident's data, edit the sections, save a version, download .docx. */
export function SitrepPanel({ incidentId, sitreps, canWrite }: { incidentId: string; sitreps: Sitrep[]; canWrite: boolean }) {
  const { t, locale } = useI18n()
  const { message } = App.useApp()
  const generate = useGenerateSitrep(incidentId)
  const save = useSaveSitrep(incidentId)
  const ordered = [...sitreps].sort((a, b) => b.number - a.number)
  const [selectedId, setSelectedId] = useState<string | null>(null)
  const selected = ordered.find((sitrep) => sitrep.id === selectedId) ?? ordered[0]
  const [sections, setSections] = useState<SitrepSection[]>([])
  const [downloading, setDownloading] = useState(false)
  const savedKey = selected ? `${selected.id}:${selected.version}` : ''

  // A new version (saved here or by someone else) replaces the text being edited.
  const savedSections = selected?.sections
  useEffect(() => {
    setSections(savedSections ?? [])
  }, [savedKey]) // only a new version resets the editor, not a refetch of the same one

  const dirty = JSON.stringify(sections) !== JSON.stringify(selected?.sections ?? [])
  const download = async (sitrep: Sitrep) => {
    setDownloading(true)
    try {
      await downloadFile(sitrepDocxPath(incidentId, sitrep.id), `${sitrep.title}.docx`)
    } catch (error) {
      message.error(errorText(error, locale))
    } finally {
      setDownloading(false)
    }
  }

  return (
    <div data-testid="sitreps">
      <Space wrap style={{ marginBottom: 12 }}>
        {canWrite && (
          <Button icon={<FileAddOutlined />} loading={generate.isPending} onClick={() => generate.mutate(undefined, { onSuccess: (draft) => setSelectedId(draft.id) })} data-testid="sitrep-generate">
            {t('incidents.generateSitrep')}
          </Button>
        )}
        {ordered.length > 0 && (
          <Select
            style={{ minWidth: 360 }}
            value={selected?.id}
            onChange={setSelectedId}
            options={ordered.map((sitrep) => ({ value: sitrep.id, label: `${sitrep.title} · v${sitrep.version}` }))}
            data-testid="sitrep-select"
          />
        )}
      </Space>
      {!selected ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('incidents.noSitrep')} />
      ) : (
        <Card
          size="small"
          title={<span data-testid="sitrep-title">{selected.title}</span>}
          extra={
            <Space>
              <Typography.Text type="secondary" data-testid="sitrep-version">v{selected.version}{selected.savedAt && ` · ${formatTime(selected.savedAt)}`}{selected.savedBy && ` · ${selected.savedBy}`}</Typography.Text>
              {canWrite && (
                <Button icon={<SaveOutlined />} disabled={!dirty} loading={save.isPending} onClick={() => save.mutate({ sitrepId: selected.id, sections })} data-testid="sitrep-save">
                  {t('incidents.saveVersion')}
                </Button>
              )}
              <Button type="primary" icon={<DownloadOutlined />} disabled={dirty} loading={downloading} onClick={() => void download(selected)} data-testid="sitrep-docx">
                {t('incidents.downloadDocx')}
              </Button>
            </Space>
          }
        >
          <Typography.Paragraph type="secondary">{selected.issuer}{selected.signer && ` · ${t('incidents.signer')}：${selected.signer}`}</Typography.Paragraph>
          {sections.map((section, index) => (
            <div key={section.key} style={{ marginBottom: 12 }}>
              <Typography.Text strong>{section.heading}</Typography.Text>
              <Input.TextArea
                autoSize={{ minRows: 2, maxRows: 14 }}
                value={section.text}
                readOnly={!canWrite}
                maxLength={20000}
                onChange={(event) => setSections((all) => all.map((s, i) => (i === index ? { ...s, text: event.target.value } : s)))}
                data-testid={`sitrep-section-${section.key}`}
              />
            </div>
          ))}
          {dirty && <Typography.Text type="warning">{t('incidents.unsaved')}</Typography.Text>}
        </Card>
      )}
    </div>
  )
}
