import { useState } from 'react'
import { Alert, Button, Card, Col, Descriptions, Form, InputNumber, Result, Row, Table, Typography } from 'antd'
import { CalculatorOutlined } from '@ant-design/icons'
import { useI18n } from '../../../i18n/i18n.tsx'
import { ApiError, errorText } from '../../../lib/api-error.ts'
import { formPathOf } from '../../../components/registry/RecordFormDrawer.tsx'
import { useAssessMajorHazard, type AssessResult, type GradedSubstance } from '../api/assess-major-hazard.ts'
import { MajorHazardTag } from '../components/MajorHazardTag.tsx'
import { SubstanceList } from '../components/SubstanceList.tsx'
import { substanceFieldPath, substanceInput, type SubstanceRow } from '../components/substance-rows.ts'

interface CalculatorValues {
  exposedPeople: number
  substances: SubstanceRow[]
}

const round = (value: number, digits = 3) => Number(value.toFixed(digits))

/**
 * 重大危险源辨识与分级 (GB 18218-2018): substances and quantities of one unit and the people
 * exposed outside the plant → S = Σq/Q, major when S ≥ 1, R = α·Σβq/Q and the level.
 */
export function MajorHazardPage() {
  const { t, locale } = useI18n()
  const [form] = Form.useForm<CalculatorValues>()
  const assess = useAssessMajorHazard()
  const [result, setResult] = useState<AssessResult | null>(null)

  const submit = (values: CalculatorValues) => {
    assess.mutate(
      { exposedPeople: values.exposedPeople, substances: values.substances.map(substanceInput) },
      {
        onSuccess: setResult,
        onError: (error) => {
          setResult(null)
          const path = error instanceof ApiError ? formPathOf(error.field) : null
          if (path) form.setFields([{ name: substanceFieldPath(path) as never, errors: [errorText(error, locale)] }])
        },
      },
    )
  }

  return (
    <Row gutter={12} data-testid="major-hazard-calculator">
      <Col xs={24} xl={14}>
        <Card title={t('majorHazard.title')}>
          <Typography.Paragraph type="secondary">{t('majorHazard.intro')}</Typography.Paragraph>
          <Form<CalculatorValues>
            form={form}
            layout="vertical"
            initialValues={{ exposedPeople: 0, substances: [{ substance: '液氯', quantityT: 10 }] }}
            onFinish={submit}
            onValuesChange={() => assess.reset()}
          >
            <Form.Item name="exposedPeople" label={t('majorHazard.exposedPeople')} tooltip={t('majorHazard.exposedPeopleHint')} rules={[{ required: true }]}>
              <InputNumber min={0} precision={0} style={{ width: 200 }} />
            </Form.Item>
            <Form.Item label={t('majorHazard.substances')} required>
              <SubstanceList />
            </Form.Item>
            <Button type="primary" htmlType="submit" icon={<CalculatorOutlined />} loading={assess.isPending} data-testid="assess">
              {t('majorHazard.assess')}
            </Button>
          </Form>
          {assess.isError && <Alert type="error" showIcon style={{ marginTop: 16 }} title={errorText(assess.error, locale)} data-testid="assess-error" />}
        </Card>
      </Col>
      <Col xs={24} xl={10}>
        <Card title={t('majorHazard.result')}>
          {result ? <AssessOutcome result={result} /> : <Result status="info" icon={<CalculatorOutlined />} subTitle={t('majorHazard.noResult')} />}
        </Card>
      </Col>
    </Row>
  )
}

function AssessOutcome({ result }: { result: AssessResult }) {
  const { t } = useI18n()
  return (
    <div data-testid="assess-result">
      <Descriptions size="small" column={1} bordered styles={{ label: { width: 200 } }}>
        <Descriptions.Item label={t('majorHazard.sumRatio')}>{round(result.sumRatio)}</Descriptions.Item>
        <Descriptions.Item label={t('majorHazard.isMajor')}>
          {result.isMajor ? <Typography.Text type="danger" strong>{t('majorHazard.major')}</Typography.Text> : t('majorHazard.notMajor')}
        </Descriptions.Item>
        <Descriptions.Item label={t('majorHazard.alpha')}>{result.alpha}</Descriptions.Item>
        <Descriptions.Item label={t('majorHazard.R')}>{round(result.R, 2)}</Descriptions.Item>
        <Descriptions.Item label={t('majorHazard.level')}><MajorHazardTag level={result.level} empty="—" /></Descriptions.Item>
      </Descriptions>
      <Table<GradedSubstance>
        style={{ marginTop: 12 }}
        size="small"
        rowKey="index"
        pagination={false}
        dataSource={result.substances}
        columns={[
          { title: t('majorHazard.substance'), dataIndex: 'name', render: (name: string, row) => <>{name}{row.cas && <Typography.Text type="secondary"> {row.cas}</Typography.Text>}</> },
          { title: 'q (t)', dataIndex: 'quantityT' },
          { title: 'Q (t)', dataIndex: 'criticalQuantityT' },
          { title: 'q/Q', dataIndex: 'ratio', render: (value: number) => round(value) },
          { title: 'β', dataIndex: 'beta' },
        ]}
      />
    </div>
  )
}
