import { useMemo } from 'react'
import { Form, Input, Select, Tag } from 'antd'
import { useI18n } from '../../../i18n/i18n.tsx'
import { DivisionSelect } from '../../../components/registry/DivisionSelect.tsx'
import { RegistryListPage } from '../../../components/registry/RegistryListPage.tsx'
import { SyntheticTag } from '../../../components/registry/SyntheticTag.tsx'
import { enumLabel, enumOptions } from '../../../components/registry/fields.tsx'
import { expertFields, experts, type Expert, type ExpertInput } from '../api/experts.ts'

/** 专家库: experts by field. */
export function ExpertsPage() {
  const { t } = useI18n()
  const columns = useMemo(() => [
    { title: t('expert.name'), dataIndex: 'name', render: (name: string, row: Expert) => <>{name} <SyntheticTag synthetic={row.synthetic} /></> },
    { title: t('expert.field'), dataIndex: 'field', render: (field: string) => <Tag color="geekblue">{enumLabel(t, 'expert.field', field)}</Tag> },
    { title: t('expert.titleColumn'), dataIndex: 'title' },
    { title: t('expert.organisation'), dataIndex: 'organisation' },
    { title: t('registry.phone'), dataIndex: 'phone' },
    { title: t('registry.division'), dataIndex: 'divisionName' },
  ], [t])
  const required = (field: string) => [{ required: true, message: t('registry.required', { field }) }]
  return (
    <RegistryListPage<Expert, Expert, ExpertInput>
      resource={experts}
      title={t('expert.title')}
      testId="experts"
      columns={columns}
      nameOf={(row) => row.name}
      filters={[{ name: 'field', placeholder: t('expert.field'), options: enumOptions(t, 'expert.field', expertFields) }]}
      excel={{ fileStem: t('expert.title') }}
      form={{
        initial: {},
        fromDetail: (expert) => expert,
        toInput: (values) => values,
        fields: (
          <>
            <Form.Item name="name" label={t('expert.name')} rules={required(t('expert.name'))}><Input maxLength={50} /></Form.Item>
            <Form.Item name="field" label={t('expert.field')} rules={required(t('expert.field'))}><Select options={enumOptions(t, 'expert.field', expertFields)} /></Form.Item>
            <Form.Item name="title" label={t('expert.titleColumn')}><Input maxLength={50} /></Form.Item>
            <Form.Item name="organisation" label={t('expert.organisation')}><Input maxLength={100} /></Form.Item>
            <Form.Item name="phone" label={t('registry.phone')} rules={required(t('registry.phone'))}><Input maxLength={20} /></Form.Item>
            <Form.Item name="divisionCode" label={t('registry.division')} rules={required(t('registry.division'))}><DivisionSelect allowClear={false} /></Form.Item>
          </>
        ),
      }}
    />
  )
}
