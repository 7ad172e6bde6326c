import { Button, Form, Input, InputNumber, Space } from 'antd'
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons'
import { useI18n } from '../../../i18n/i18n.tsx'

/** Substances of a unit: name or CAS, quantity in tonnes, and a Table 2 category when not in Table 1. */
export function SubstanceList() {
  const { t } = useI18n()
  return (
    <Form.List name="substances">
      {(items, { add, remove }) => (
        <>
          {items.map((item, index) => (
            <Space key={item.key} align="start" style={{ display: 'flex', marginBottom: 4 }} data-testid="substance-row">
              <Form.Item name={[item.name, 'substance']} rules={[{ required: true, message: t('majorHazard.substanceRequired') }]} style={{ marginBottom: 8 }}>
                <Input placeholder={t('majorHazard.substancePlaceholder')} style={{ width: 200 }} aria-label={`${t('majorHazard.substance')} ${index + 1}`} />
              </Form.Item>
              <Form.Item name={[item.name, 'quantityT']} rules={[{ required: true, message: t('majorHazard.quantityRequired') }]} style={{ marginBottom: 8 }}>
                <InputNumber min={0} step={0.1} placeholder={t('majorHazard.quantity')} suffix="t" style={{ width: 116 }} aria-label={`${t('majorHazard.quantity')} ${index + 1}`} />
              </Form.Item>
              <Form.Item name={[item.name, 'category']} style={{ marginBottom: 8 }}>
                <Input placeholder={t('majorHazard.category')} style={{ width: 132 }} />
              </Form.Item>
              <Button icon={<MinusCircleOutlined />} onClick={() => remove(item.name)} aria-label={t('registry.delete')} disabled={items.length === 1} />
            </Space>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} data-testid="substance-add">{t('majorHazard.addSubstance')}</Button>
        </>
      )}
    </Form.List>
  )
}
