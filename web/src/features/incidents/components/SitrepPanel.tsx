import { useEffect, useState } from 'react'
import { App, Button, Card, Empty, Input, Select, Space, Typography } from 'antd'
import { DownloadOutlined, FileAddOutlined, SaveOutlined } from '@ant-design/icons'
import { useI18n } from '../../../i18n/i18n.tsx'
import { errorText } from '../../../lib/api-error.ts'
import { downloadFile } from '../../../lib/file-transfer.ts'
import { sitrepDocxPath, useGenerateSitrep, useSaveSitrep } from '../api/sitreps.ts'
import type { Sitrep, SitrepSection } from '../api/types.ts'
import { formatTime } from './format.ts'

/** 续报: generate a draft from the incident's data, edit the sections, save a version, download .docx. */
export function SitrepPanel({ incidentId, sitreps, canWrite }: { incidentId: string; sitreps: Sitrep[]; canWrite: boolean }) {
  const { t, locale } = useI18n()
  const { message } = App.useApp()
  const generate = useGenerateSitrep(incidentId)
  const save = useSaveSitrep(incidentId)
  const ordered = [...sitreps].sort((a, b) => b.number - a.number || b.version - a.version)
  const [selectedId, setSelectedId] = useState<string | null>(null)
  const selected = ordered.find((sitrep) => sitrep.id === selectedId) ?? ordered[0]
  const [sections, setSections] = useState<SitrepSection[]>([])
  const [downloading, setDownloading] = useState(false)

  useEffect(() => {
    setSections(selected?.sections ?? [])
  }, [selected?.id, selected?.sections])

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
            style={{ minWidth: 320 }}
            value={selected?.id}
            onChange={setSelectedId}
            options={ordered.map((sitrep) => ({ value: sitrep.id, label: `${sitrep.title} · v${sitrep.version} · ${formatTime(sitrep.createdAt)}` }))}
            data-testid="sitrep-version"
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
              {canWrite && (
                <Button icon={<SaveOutlined />} disabled={!dirty} loading={save.isPending} onClick={() => save.mutate({ sitrepId: selected.id, sections }, { onSuccess: (saved) => setSelectedId(saved.id) })} data-testid="sitrep-save">
                  {t('incidents.saveVersion')}
                </Button>
              )}
              <Button type="primary" icon={<DownloadOutlined />} disabled={dirty} loading={downloading} onClick={() => void download(selected)} data-testid="sitrep-docx">
                {t('incidents.downloadDocx')}
              </Button>
            </Space>
          }
        >
          {sections.map((section, index) => (
            <div key={section.key} style={{ marginBottom: 12 }}>
              <Typography.Text strong>{section.title}</Typography.Text>
              <Input.TextArea
                autoSize={{ minRows: 2, maxRows: 12 }}
                value={section.text}
                readOnly={!canWrite}
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
