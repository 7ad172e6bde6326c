import { useState } from 'react'
import { Button, InputNumber, Popover, Space } from 'antd'
import { EditOutlined } from '@ant-design/icons'
import { useI18n } from '../../../i18n/i18n.tsx'
import type { StockItem } from '../api/get-stock.ts'
import { useSetStockMinimum } from '../api/set-stock-minimum.ts'

/** The minimum stock of one depot × supply, editable in place. */
export function MinimumEditor({ item }: { item: StockItem }) {
  const { t } = useI18n()
  const setMinimum = useSetStockMinimum()
  const [open, setOpen] = useState(false)
  const [value, setValue] = useState<number | null>(item.minQuantity)
  return (
    <Popover
      open={open}
      onOpenChange={(next) => {
        setOpen(next)
        if (next) setValue(item.minQuantity)
      }}
      trigger="click"
      title={t('stock.setMinimum')}
      content={
        <Space.Compact>
          <InputNumber min={0} precision={0} value={value} onChange={setValue} suffix={item.unit} style={{ width: 140 }} />
          <Button
            type="primary"
            loading={setMinimum.isPending}
            disabled={value === null}
            onClick={() => setMinimum.mutate({ depotId: item.depotId, supplyId: item.supplyId, minQuantity: value ?? 0 }, { onSuccess: () => setOpen(false) })}
          >
            {t('registry.save')}
          </Button>
        </Space.Compact>
      }
    >
      <Button type="link" size="small" icon={<EditOutlined />} aria-label={t('stock.setMinimum')} />
    </Popover>
  )
}
