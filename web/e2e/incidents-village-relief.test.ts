/**
 * Issue #6 points 2–3 in Chromium: the county admin sets the county's own relief response
 * thresholds (a bad table is refused naming the problem), then a village officer (村信息员) of
 * 塘湖村 reports a flood with one death through the village report form; the incident's board
 * shows it as a 村级报告 with the relief level the county table suggests. Then point 8's
 * notifications: an alarm raised while the duty officer looks at the list reaches him live (the
 * header's button counts it), and he marks it read. Point 8's roster: he puts the village
 * officer's account on duty from the account picker.
 */
import crypto from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import type { Browser } from 'playwright-core'
import { queryRows } from '../../server/src/db/rows.ts'
import { enqueueEvent } from '../../server/src/modules/events/outbox.ts'
import type { TestPlatform } from '../../server/src/testing/platform.ts'
import { createTestUser, type TestUser } from '../../server/src/testing/session.ts'
import { screenshotPath, startBrowserStage, type BrowserStage } from './browser.ts'
import { signIn, streamOpen, watchStreams } from './session.ts'

describe('village report and county relief thresholds in Chromium', () => {
  let platform: TestPlatform
  let browser: Browser
  let stage: BrowserStage | undefined
  let baseUrl: string
  let admin: TestUser
  let villager: TestUser
  let officer: TestUser

  beforeAll(async () => {
    stage = await startBrowserStage()
    ;({ platform, browser, baseUrl } = stage)
    admin = await createTestUser(platform, { role: 'admin', displayName: '孙管理' })
    villager = await createTestUser(platform, { role: 'village', jurisdiction: '360281100201', displayName: '塘湖村信息员' })
    officer = await createTestUser(platform, { role: 'duty_officer', displayName: '周值班' })
  }, 400_000)

  afterAll(async () => {
    await stage?.close()
  })

  it('the admin sets the county thresholds; a village report is graded by them', { timeout: 240_000 }, async () => {
    const { context, page } = await signIn(browser, baseUrl, admin)
    try {
      await page.goto(`${baseUrl}/incidents/relief-thresholds`)
      const card = page.getByTestId('relief-thresholds')
      const origin = card.getByTestId('relief-origin')
      await expect.poll(() => origin.innerText(), { timeout: 20_000 }).toBe('国家默认')
      // Level Ⅳ (the fourth row) at 60 dead and missing is above Level Ⅲ's 50: refused, saying why.
      const plan = card.getByLabel('依据预案')
      await plan.fill('乐平市自然灾害救助应急预案（测试值）')
      // antd puts the test id on the <input> itself or on its wrapper, depending on the version
      const level4Deaths = card.locator('input[data-testid="relief-3-deathsAndMissing"], [data-testid="relief-3-deathsAndMissing"] input')
      await level4Deaths.fill('60')
      await card.getByTestId('relief-save').click()
      await expect.poll(() => card.getByTestId('relief-error').innerText(), { timeout: 20_000 }).toContain('应低于上一级')
      await level4Deaths.fill('1')
      await card.getByTestId('relief-save').click()
      await expect.poll(() => origin.innerText(), { timeout: 20_000 }).toBe('本县配置')
      expect(await card.innerText()).toContain('孙管理')
      await page.screenshot({ animations: 'disabled', path: screenshotPath('incidents-relief-thresholds-zh.png'), fullPage: true })
    } finally {
      await context.close()
    }

    const village = await signIn(browser, baseUrl, villager)
    try {
      const vpage = village.page
      await vpage.getByRole('menuitem', { name: /应急指挥/ }).click()
      await vpage.waitForURL('**/incidents/list')
      await vpage.getByTestId('open-village-report').click()
      const form = vpage.getByTestId('call-form')
      await form.getByText('上报事件').first().waitFor()
      await form.getByLabel('事件经过').fill('塘湖村圩堤漫顶，一名村民被洪水冲走身亡，已转移群众30人')
      await form.getByLabel('事件名称').fill('塘湖村圩堤漫顶')
      await form.getByLabel('事件子类').click()
      await vpage.locator('.ant-select-item-option').filter({ hasText: '洪涝' }).first().click()
      await form.getByLabel('行政区划').click()
      await vpage.locator('.ant-select-tree-node-content-wrapper').filter({ hasText: '塘湖村' }).click()
      await form.getByLabel('死亡（人）').fill('1')
      await form.getByLabel('转移安置（人）').fill('30')
      await vpage.screenshot({ animations: 'disabled', path: screenshotPath('incidents-village-report-form-zh.png') })
      await form.getByTestId('call-form-submit').click()
      await vpage.waitForURL(/\/incidents\/[0-9a-f-]{36}$/, { timeout: 20_000 })
      const facts = vpage.getByTestId('incident-facts')
      await expect.poll(() => facts.innerText(), { timeout: 20_000 }).toContain('村级报告')
      expect(await facts.innerText()).toContain('塘湖村')
      // One death reaches Level Ⅳ of the county's table (the national one needs 20).
      expect(await facts.getByTestId('relief-level').innerText()).toBe('四级响应')
      await vpage.mouse.move(700, 700)
      await vpage.getByTestId('incident-title').scrollIntoViewIfNeeded()
      await vpage.screenshot({ animations: 'disabled', path: screenshotPath('incidents-village-report-board-zh.png') })
    } finally {
      await village.context.close()
    }
  })

  it('an alarm’s notification arrives live with the bell’s count, and is marked read', { timeout: 180_000 }, async () => {
    const { context, page } = await signIn(browser, baseUrl, officer, { initScripts: [watchStreams] })
    try {
      await page.goto(`${baseUrl}/incidents/list`)
      await streamOpen(page, '/api/incidents/notifications/stream')
      const card = page.getByTestId('incident-notifications')
      await expect.poll(() => card.getByTestId('notifications-unread').innerText(), { timeout: 20_000 }).toBe('0 条未读')
      await platform.db.transaction(async (tx) => {
        await enqueueEvent(tx, 'monitoring.alarm_raised', { alarmId: crypto.randomUUID(), level: 'orange', deviceId: crypto.randomUUID(), divisionCode: '360281100201', ruleId: 'r', value: 1, message: '塘湖村水位站：超警戒水位0.4米', raisedAt: new Date().toISOString() })
      })
      await platform.outbox.drain()
      // no reload: the stream brings it
      const notice = card.getByTestId('notification').filter({ hasText: '塘湖村水位站' })
      await notice.waitFor({ timeout: 20_000 })
      await expect.poll(() => page.getByTestId('notification-badge').innerText(), { timeout: 10_000 }).toBe('1')
      await page.screenshot({ animations: 'disabled', path: screenshotPath('incidents-notification-live-zh.png') })
      await notice.getByTestId('notification-read').click()
      await expect.poll(() => notice.getAttribute('data-read'), { timeout: 10_000 }).toBe('true')
      expect(await card.getByTestId('notifications-unread').innerText()).toBe('0 条未读')
      await expect.poll(() => page.getByTestId('notification-badge').innerText()).toBe('')
    } finally {
      await context.close()
    }
  })

  it('a shift links the account picked from the people in the officer’s jurisdiction', { timeout: 180_000 }, async () => {
    const { context, page } = await signIn(browser, baseUrl, officer)
    try {
      await page.goto(`${baseUrl}/incidents/duty`)
      await page.getByTestId('shift-add').click()
      const dialog = page.getByRole('dialog').filter({ hasText: '添加排班' })
      await dialog.getByLabel('值班人账号').click()
      await dialog.getByLabel('值班人账号').fill('塘湖村')
      await page.locator('.ant-select-item-option').filter({ hasText: '塘湖村信息员' }).click()
      expect(await dialog.getByLabel('姓名').inputValue()).toBe('塘湖村信息员')
      await dialog.getByLabel('联系电话').fill('13700000000')
      await page.screenshot({ animations: 'disabled', path: screenshotPath('incidents-shift-account-zh.png') })
      await dialog.getByRole('button', { name: /确\s*定|OK/ }).click()
      await page.getByTestId('duty-now').getByTestId('duty-person').filter({ hasText: '塘湖村信息员' }).waitFor({ timeout: 20_000 })
      const rows = await queryRows<{ user_id: string | null }>(platform.db, sql`SELECT user_id FROM incidents.duty_shifts WHERE person_name = '塘湖村信息员'`)
      expect(rows).toEqual([{ user_id: villager.id }])
    } finally {
      await context.close()
    }
  })
})
