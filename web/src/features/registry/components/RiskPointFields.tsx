import { Button, Col, Form, Input, Row, Select, Space } from 'antd'
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons'
import { useI18n } from '../../../i18n/i18n.tsx'
import { DivisionSelect } from '../../../components/registry/DivisionSelect.tsx'
import { enumOptions, LocationFields } from '../../../components/registry/fields.tsx'
import { controlLevels, riskKinds, riskMethods, type RiskMethod } from '../api/risk-points.ts'

// LEC factor values (作业条件危险性评价法) and the 1–5 scales of the LS matrix, as the server's rules.
const lecLikelihood = [10, 6, 3, 1, 0.5, 0.2, 0.1]
const lecExposure = [10, 6, 3, 2, 1, 0.5]
const lecConsequence = [100, 40, 15, 7, 3, 1]
const oneToFive = [1, 2, 3, 4, 5]
const numberOptions = (values: number[]) => values.map((value) => ({ value, label: String(value) }))

/** The risk point form: identity, LEC or LS factors (the server scores), measures and people. */
export function RiskPointFields() {
  const { t } = useI18n()
  const method = Form.useWatch<RiskMethod | undefined>('method')
  const required = (field: string) => [{ required: true, message: t('registry.required', { field }) }]
  return (
    <>
      <Form.Item name="name" label={t('registry.name')} rules={required(t('registry.name'))}><Input maxLength={100} /></Form.Item>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="kind" label={t('risk.kind')} rules={required(t('risk.kind'))}>
            <Select options={enumOptions(t, 'risk.kind', riskKinds)} />
          </Form.Item>
        </Col>
        <Col span={12}><Form.Item name="placeType" label={t('risk.placeType')}><Input maxLength={50} /></Form.Item></Col>
      </Row>
      <Form.Item name="divisionCode" label={t('registry.division')} rules={required(t('registry.division'))}><DivisionSelect allowClear={false} /></Form.Item>
      <LocationFields />
      <Form.Item name="method" label={t('risk.method')} rules={required(t('risk.method'))}>
        <Select options={enumOptions(t, 'risk.method', riskMethods)} />
      </Form.Item>
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item name="likelihood" label={`L · ${t('risk.likelihood')}`} rules={required('L')}>
            <Select options={numberOptions(method === 'LS' ? oneToFive : lecLikelihood)} />
          </Form.Item>
        </Col>
        {method === 'LS' ? (
          <Col span={8}>
            <Form.Item name="severity" label={`S · ${t('risk.severity')}`} rules={required('S')}>
              <Select options={numberOptions(oneToFive)} />
            </Form.Item>
          </Col>
        ) : (
          <>
            <Col span={8}>
              <Form.Item name="exposure" label={`E · ${t('risk.exposure')}`} rules={required('E')}>
                <Select options={numberOptions(lecExposure)} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="consequence" label={`C · ${t('risk.consequence')}`} rules={required('C')}>
                <Select options={numberOptions(lecConsequence)} />
              </Form.Item>
            </Col>
          </>
        )}
      </Row>
      <Form.Item name="hazards" label={t('risk.hazards')}><Input.TextArea autoSize maxLength={4000} /></Form.Item>
      <Form.Item name="consequences" label={t('risk.consequences')}><Input.TextArea autoSize maxLength={4000} /></Form.Item>
      <Form.Item label={t('risk.controlMeasures')}>
        <Form.List name="controlMeasures">
          {(items, { add, remove }) => (
            <>
              {items.map((item) => (
                <Space.Compact key={item.key} block style={{ marginBottom: 8 }}>
                  <Form.Item name={[item.name, 'level']} noStyle rules={[{ required: true, message: t('risk.controlLevel') }]}>
                    <Select options={enumOptions(t, 'risk.controlLevel', controlLevels)} placeholder={t('risk.controlLevel')} style={{ width: 96 }} />
                  </Form.Item>
                  <Form.Item name={[item.name, 'measure']} noStyle rules={[{ required: true, message: t('risk.measure') }]}>
                    <Input placeholder={t('risk.measure')} maxLength={1000} />
                  </Form.Item>
                  <Form.Item name={[item.name, 'person']} noStyle initialValue="">
                    <Input placeholder={t('risk.person')} maxLength={50} style={{ width: 100 }} />
                  </Form.Item>
                  <Button icon={<MinusCircleOutlined />} onClick={() => remove(item.name)} aria-label={t('registry.delete')} />
                </Space.Compact>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ level: 'post', measure: '', person: '' })} block>{t('risk.addMeasure')}</Button>
            </>
          )}
        </Form.List>
      </Form.Item>
      <Form.Item name="emergencyMeasures" label={t('risk.emergencyMeasures')}><Input.TextArea autoSize maxLength={4000} /></Form.Item>
      <Row gutter={12}>
        <Col span={12}><Form.Item name="responsiblePerson" label={t('risk.responsiblePerson')}><Input maxLength={50} /></Form.Item></Col>
        <Col span={12}><Form.Item name="responsiblePhone" label={t('registry.phone')}><Input maxLength={20} /></Form.Item></Col>
      </Row>
      <Form.Item name="reviewDate" label={t('risk.reviewDate')}><Input type="date" style={{ width: 180 }} /></Form.Item>
    </>
  )
}
