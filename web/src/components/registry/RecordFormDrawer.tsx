import { useEffect, useState, type ReactNode } from 'react'
import { Alert, Button, Drawer, Form, Space, type FormInstance } from 'antd'
import { useI18n } from '../../i18n/i18n.tsx'
import { ApiError, errorText } from '../../lib/api-error.ts'

/** `body.contacts.0.name` → `['contacts', 0, 'name']`: the form field a server error names. */
export function formPathOf(field: string | undefined): (string | number)[] | null {
  if (!field?.startsWith('body.')) return null
  return field.slice('body.'.length).split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part))
}

/** Empty text boxes are left out rather than sent as '' (which the server would reject). */
export function withoutEmpty<T extends object>(values: T): T {
  const visit = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(visit)
    if (value && typeof value === 'object' && !(value instanceof Date)) {
      return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== '' && v !== undefined).map(([k, v]) => [k, visit(v)]))
    }
    return value
  }
  return visit(values) as T
}

const isEmpty = (value: unknown) => value === '' || value === undefined || value === null

/**
 * The body of an edit (PATCH): empty fields are left out, except a field that had a value and
 * is now empty, which is sent as `null` so the server clears it (a left-out field is kept).
 */
export function editBody<T extends object>(input: T, before: object): T {
  const body = withoutEmpty(input) as Record<string, unknown>
  const now = input as Record<string, unknown>
  for (const [key, old] of Object.entries(before)) {
    if (!isEmpty(old) && key in now && isEmpty(now[key])) body[key] = null
  }
  return body as T
}

export interface RecordFormDrawerProps<TValues> {
  open: boolean
  title: string
  /** Values to start from (an edited row); `undefined` while they load. */
  initialValues: Partial<TValues> | undefined
  onClose: () => void
  /** Sends the form; a rejected `ApiError` is shown on the field it names and above the form. */
  onSubmit: (values: TValues) => Promise<unknown>
  children: ReactNode | ((form: FormInstance<TValues>) => ReactNode)
  width?: number
  testId?: string
  /** Where a server error's field lives in this form, when the form differs from the body. */
  fieldPath?: (path: (string | number)[]) => (string | number)[]
}

/**
 * A create/edit form in a drawer. The server validates; its bilingual message appears under
 * the field it names (`body.uscc` → 统一社会信用代码) and in a banner, and the drawer stays open.
 */
export function RecordFormDrawer<TValues extends object>(props: RecordFormDrawerProps<TValues>) {
  const { t, locale } = useI18n()
  const [form] = Form.useForm<TValues>()
  const [error, setError] = useState<unknown>(null)
  const [saving, setSaving] = useState(false)

  useEffect(() => {
    if (!props.open || !props.initialValues) return
    form.resetFields()
    // antd wants its own deep-partial type; the values came from the same shape.
    form.setFieldsValue(props.initialValues as Parameters<typeof form.setFieldsValue>[0])
    setError(null)
  }, [props.open, props.initialValues, form])

  const submit = async (values: TValues) => {
    setSaving(true)
    setError(null)
    try {
      await props.onSubmit(values)
    } catch (failure) {
      setError(failure)
      const bodyPath = failure instanceof ApiError ? formPathOf(failure.field) : null
      const path = bodyPath && props.fieldPath ? props.fieldPath(bodyPath) : bodyPath
      if (failure instanceof ApiError && path) {
        const both = failure.message === failure.messageEn ? failure.message : `${failure.message} · ${failure.messageEn}`
        form.setFields([{ name: path as never, errors: [both] }])
        form.scrollToField(path as never)
      }
    } finally {
      setSaving(false)
    }
  }

  return (
    <Drawer
      open={props.open}
      title={props.title}
      size={props.width ?? 560}
      onClose={props.onClose}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={props.onClose}>{t('registry.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()} data-testid="record-save">{t('registry.save')}</Button>
        </Space>
      }
    >
      {error !== null && (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} data-testid="record-error" title={errorText(error, locale)} description={error instanceof ApiError && locale === 'zh' ? error.messageEn : undefined} />
      )}
      {props.initialValues === undefined ? null : (
        <Form<TValues> form={form} layout="vertical" onFinish={submit} data-testid={props.testId} scrollToFirstError>
          {typeof props.children === 'function' ? props.children(form) : props.children}
        </Form>
      )}
    </Drawer>
  )
}
