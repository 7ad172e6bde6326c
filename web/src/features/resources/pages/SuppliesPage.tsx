import { useMemo } from 'react'
import { Form, Input, InputNumber, Select, Tag } from 'antd'
import { useI18n } from '../../../i18n/i18n.tsx'
import { enumLabel, enumOptions } from '../../../components/registry/fields.tsx'
import { RegistryListPage } from '../../../components/registry/RegistryListPage.tsx'
import { SyntheticTag } from '../../../components/registry/SyntheticTag.tsx'
import { supplies, supplyCategories, type Supply, type SupplyInput } from '../api/supplies.ts'

/** 物资目录: what the depots hold (生活类 tents, quilts, food, water; 抢险类 pumps, sandbags …). */
export function SuppliesPage() {
  const { t } = useI18n()
  const categoryOptions = enumOptions(t, 'supply.category', supplyCategories)
  const columns = useMemo(() => [
    { title: t('supply.code'), dataIndex: 'code' },
    { title: t('supply.name'), dataIndex: 'name', render: (name: string, row: Supply) => <>{name} <SyntheticTag synthetic={row.synthetic} /></> },
    { title: t('supply.category'), dataIndex: 'category', render: (value: Supply['category']) => <Tag color={value === 'rescue' ? 'volcano' : 'cyan'}>{enumLabel(t, 'supply.category', value)}</Tag> },
    { title: t('supply.unit'), dataIndex: 'unit' },
    { title: t('supply.spec'), dataIndex: 'spec' },
    { title: t('supply.shelfLife'), dataIndex: 'shelfLifeMonths', render: (months: number | null) => (months ? t('supply.months', { months }) : t('supply.noExpiry')) },
  ], [t])
  return (
    <RegistryListPage<Supply, Supply, SupplyInput>
      resource={supplies}
      title={t('supply.title')}
      testId="supplies"
      columns={columns}
      nameOf={(row) => row.name}
      filters={[{ name: 'category', placeholder: t('supply.category'), options: categoryOptions }]}
      excel={{ fileStem: t('supply.title') }}
      form={{
        initial: { category: 'living' },
        fromDetail: (supply) => supply as Partial<SupplyInput>,
        toInput: (values) => values,
        fields: (
          <>
            <Form.Item name="code" label={t('supply.code')} rules={[{ required: true, message: t('registry.required', { field: t('supply.code') }) }]}><Input maxLength={32} /></Form.Item>
            <Form.Item name="name" label={t('supply.name')} rules={[{ required: true, message: t('registry.required', { field: t('supply.name') }) }]}><Input maxLength={100} /></Form.Item>
            <Form.Item name="category" label={t('supply.category')} rules={[{ required: true }]}><Select options={categoryOptions} /></Form.Item>
            <Form.Item name="unit" label={t('supply.unit')} rules={[{ required: true, message: t('registry.required', { field: t('supply.unit') }) }]}><Input maxLength={10} style={{ width: 120 }} /></Form.Item>
            <Form.Item name="spec" label={t('supply.spec')}><Input maxLength={200} /></Form.Item>
            <Form.Item name="shelfLifeMonths" label={t('supply.shelfLife')} extra={t('supply.shelfLifeHint')}><InputNumber min={1} max={600} precision={0} /></Form.Item>
          </>
        ),
      }}
    />
  )
}
