import { useMemo, useState } from 'react'
import { Typography } from 'antd'
import { useI18n } from '../../../i18n/i18n.tsx'
import { enumLabel, enumOptions, locationInput } from '../../../components/registry/fields.tsx'
import { RegistryListPage } from '../../../components/registry/RegistryListPage.tsx'
import { SyntheticTag } from '../../../components/registry/SyntheticTag.tsx'
import { enterpriseStatuses, enterprises, majorHazardLevels, supervisionCategories, type Enterprise, type EnterpriseDetail, type EnterpriseInput } from '../api/enterprises.ts'
import { EnterpriseDrawer } from '../components/EnterpriseDrawer.tsx'
import { EnterpriseFields } from '../components/EnterpriseFields.tsx'
import { MajorHazardTag } from '../components/MajorHazardTag.tsx'

/** 企业: the enterprise registry with GB 18218 major hazard levels. */
export function EnterprisesPage() {
  const { t } = useI18n()
  const [openId, setOpenId] = useState<string | null>(null)
  const columns = useMemo(() => [
    {
      title: t('registry.name'), dataIndex: 'name',
      render: (name: string, row: Enterprise) => <><Typography.Link onClick={() => setOpenId(row.id)}>{name}</Typography.Link> <SyntheticTag synthetic={row.synthetic} /></>,
    },
    { title: t('enterprise.majorHazard'), dataIndex: 'majorHazardLevel', render: (level: Enterprise['majorHazardLevel']) => <MajorHazardTag level={level} empty="—" /> },
    { title: t('enterprise.uscc'), dataIndex: 'uscc', render: (uscc: string) => <Typography.Text code>{uscc}</Typography.Text> },
    { title: t('enterprise.category'), dataIndex: 'supervisionCategory', render: (value: string) => enumLabel(t, 'enterprise.category', value) },
    { title: t('registry.division'), dataIndex: 'divisionName' },
    { title: t('unit.count'), dataIndex: 'unitCount' },
    { title: t('registry.status'), dataIndex: 'status', render: (value: string) => enumLabel(t, 'enterprise.status', value) },
  ], [t])

  return (
    <>
      <RegistryListPage<Enterprise, EnterpriseDetail, EnterpriseInput>
        resource={enterprises}
        title={t('enterprise.title')}
        testId="enterprises"
        columns={columns}
        nameOf={(row) => row.name}
        enterpriseWritable="edit"
        onOpen={(row) => setOpenId(row.id)}
        filters={[
          { name: 'category', placeholder: t('enterprise.category'), options: enumOptions(t, 'enterprise.category', supervisionCategories) },
          { name: 'majorHazard', placeholder: t('enterprise.majorHazard'), options: [{ value: 'true', label: t('enterprise.isMajorHazard') }, { value: 'false', label: t('enterprise.notMajorHazard') }] },
          { name: 'majorHazardLevel', placeholder: t('majorHazard.level'), options: majorHazardLevels.map((level) => ({ value: String(level), label: t(`majorHazard.level.${level}`) })) },
          { name: 'status', placeholder: t('registry.status'), options: enumOptions(t, 'enterprise.status', enterpriseStatuses) },
        ]}
        excel={{ fileStem: t('enterprise.title') }}
        form={{
          width: 640,
          initial: { supervisionCategory: 'other', status: 'operating', contacts: [] },
          fromDetail: ({ units: _units, ...enterprise }) => enterprise as Partial<EnterpriseInput>,
          toInput: (values) => ({ ...values, location: locationInput(values.location) }),
          fields: <EnterpriseFields />,
        }}
      />
      <EnterpriseDrawer enterpriseId={openId} onClose={() => setOpenId(null)} />
    </>
  )
}
