import { Button } from 'antd'
import { TranslationOutlined } from '@ant-design/icons'
import { useI18n } from '../i18n/i18n.tsx'

/** 中文/English: shows the language it switches to. */
export function LanguageSwitch({ ghost = false }: { ghost?: boolean }) {
  const { t, locale, setLocale } = useI18n()
  return (
    <Button
      icon={<TranslationOutlined />}
      ghost={ghost}
      data-testid="language-switch"
      onClick={() => setLocale(locale === 'zh' ? 'en' : 'zh')}
    >
      {t('header.language')}
    </Button>
  )
}
