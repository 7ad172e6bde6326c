import { Button, Col, Form, Input, InputNumber, Row, Select, Space } from 'antd'
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons'
import { useI18n } from '../../../i18n/i18n.tsx'
import { DivisionSelect } from '../../../components/registry/DivisionSelect.tsx'
import { enumOptions, LocationFields } from '../../../components/registry/fields.tsx'
import { enterpriseStatuses, standardizationLevels, supervisionCategories } from '../api/enterprises.ts'

/** The enterprise form; the server checks the USCC (GB 32100) and names the field when it is wrong. */
export function EnterpriseFields() {
  const { t } = useI18n()
  const required = (field: string) => [{ required: true, message: t('registry.required', { field }) }]
  return (
    <>
      <Form.Item name="uscc" label={t('enterprise.uscc')} rules={required(t('enterprise.uscc'))} extra={t('enterprise.usccHint')}>
        <Input maxLength={18} style={{ fontFamily: 'monospace' }} data-testid="field-uscc" />
      </Form.Item>
      <Form.Item name="name" label={t('registry.name')} rules={required(t('registry.name'))}><Input maxLength={200} /></Form.Item>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="supervisionCategory" label={t('enterprise.category')}>
            <Select options={enumOptions(t, 'enterprise.category', supervisionCategories)} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="industryCode" label={t('enterprise.industryCode')} tooltip={t('enterprise.industryCodeHint')}>
            <Input maxLength={5} placeholder="C2614" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="divisionCode" label={t('registry.division')} rules={required(t('registry.division'))}><DivisionSelect allowClear={false} /></Form.Item>
      <Form.Item name="address" label={t('registry.address')}><Input maxLength={300} /></Form.Item>
      <LocationFields />
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item name="employees" label={t('enterprise.employees')}><InputNumber min={0} precision={0} style={{ width: '100%' }} /></Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="standardizationLevel" label={t('enterprise.standardization')}>
            <Select allowClear options={enumOptions(t, 'enterprise.standardization', standardizationLevels)} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="status" label={t('registry.status')}>
            <Select options={enumOptions(t, 'enterprise.status', enterpriseStatuses)} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={t('enterprise.contacts')}>
        <Form.List name="contacts">
          {(items, { add, remove }) => (
            <>
              {items.map((item) => (
                <Space key={item.key} align="start" style={{ display: 'flex' }}>
                  <Form.Item name={[item.name, 'name']} rules={[{ required: true, message: t('enterprise.contactName') }]} style={{ marginBottom: 8 }}>
                    <Input placeholder={t('enterprise.contactName')} maxLength={50} style={{ width: 120 }} />
                  </Form.Item>
                  <Form.Item name={[item.name, 'role']} style={{ marginBottom: 8 }}>
                    <Input placeholder={t('enterprise.contactRole')} maxLength={50} style={{ width: 140 }} />
                  </Form.Item>
                  <Form.Item name={[item.name, 'phone']} style={{ marginBottom: 8 }}>
                    <Input placeholder={t('registry.phone')} maxLength={30} style={{ width: 150 }} />
                  </Form.Item>
                  <Button icon={<MinusCircleOutlined />} onClick={() => remove(item.name)} aria-label={t('registry.delete')} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})}>{t('enterprise.addContact')}</Button>
            </>
          )}
        </Form.List>
      </Form.Item>
    </>
  )
}
