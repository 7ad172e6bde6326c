/**
 * A warning's life after the draft, in real Chromium against the real server (SCENARIO step 5):
 * the commander rejects a submitted draft with a comment; the duty officer updates an issued
 * orange warning to red from its detail page (a CAP Update referencing the original), the
 * commander approves it and the original shows as superseded; the commander then cancels it
 * (a CAP Cancel). The public page and the Atom feed follow each step. Drafts and the first
 * issue are made over the API (the drafting pages have their own test in warnings.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import type { Browser, Page } from 'playwright-core'
import type { TestPlatform } from '../../server/src/testing/platform.ts'
import { createTestUser, loginAs, type TestUser } from '../../server/src/testing/session.ts'
import { screenshotPath, startBrowserStage, type BrowserStage } from './browser.ts'
import { signIn } from './session.ts'

type Headers = { cookie: string }
const hours = (h: number) => new Date(Date.now() + h * 3600_000).toISOString()

describe('warning lifecycle in Chromium: reject, Update, Cancel', () => {
  let platform: TestPlatform
  let app: FastifyInstance
  let browser: Browser
  let stage: BrowserStage | undefined
  let baseUrl: string
  let officer: TestUser
  let commander: TestUser
  let author: Headers
  let approver: Headers

  beforeAll(async () => {
    stage = await startBrowserStage()
    ;({ platform, app, browser, baseUrl } = stage)
    officer = await createTestUser(platform, { role: 'duty_officer', displayName: '赵值班' })
    commander = await createTestUser(platform, { role: 'commander', displayName: '钱指挥' })
    author = (await loginAs(app, platform, { role: 'duty_officer', displayName: '孙值班' })).headers
    approver = (await loginAs(app, platform, { role: 'commander', displayName: '李指挥' })).headers
  })

  afterAll(async () => {
    await stage?.close()
  })

  const shoot = (page: Page, name: string) => page.screenshot({ animations: 'disabled', path: screenshotPath(name) })
  const post = async (url: string, headers: Headers, payload?: object) => {
    const res = await app.inject({ method: 'POST', url, headers, ...(payload ? { payload } : {}) })
    expect(res.statusCode, res.body).toBeLessThan(300)
    return res.json<{ id: string; identifier: string; status: string }>()
  }
  const submittedDraft = async (headline: string) => {
    const draft = await post('/api/warnings', author, {
      event: 'rainstorm', level: 'orange', headline, description: '镇桥镇3小时降雨量已达52毫米，且降雨仍将持续。', instruction: '危险地带人员转移。',
      expires: hours(12), area: { divisionCodes: ['360281100'] },
    })
    await post(`/api/warnings/${draft.id}/submit`, author)
    return draft
  }

  const signInAs = (user: TestUser) => signIn(browser, baseUrl, user)

  /** Open the action's pop-up and confirm, retried: the page polls and a refresh may close the pop-up. */
  async function approveOnPage(page: Page) {
    const confirm = page.locator('.ant-popconfirm .ant-btn-primary:visible')
    const issued = () => page.getByTestId('status-issued').count().then((n) => n > 0)
    await expect.poll(async () => {
      if (await issued()) return true
      if (await confirm.count() === 0) await page.getByTestId('warning-approve').click({ timeout: 2_000 }).catch(() => {})
      await confirm.click({ timeout: 2_000 }).catch(() => {})
      await page.waitForTimeout(500)
      return issued()
    }, { timeout: 40_000, interval: 250 }).toBe(true)
  }

  /** The reject and cancel actions ask for a text in a modal. */
  async function answerModal(page: Page, text: string) {
    const modal = page.locator('.ant-modal:visible')
    await modal.waitFor({ timeout: 15_000 })
    await modal.getByTestId('action-text').fill(text)
    await modal.locator('.ant-modal-footer .ant-btn-primary').click()
    await modal.waitFor({ state: 'hidden', timeout: 20_000 })
  }

  const publicHeadlines = async (page: Page) => {
    await page.goto(`${baseUrl}/alerts`)
    // Loaded: a warning or the empty notice is shown.
    await page.locator('[data-testid="public-warning"], .ant-empty').first().waitFor({ timeout: 20_000 })
    return page.getByTestId('public-warning-list').innerText()
  }
  const feed = async () => (await fetch(`${baseUrl}/public/cap/feed.atom`)).text()

  it('the commander rejects a submitted draft with a comment: shown rejected with the comment, nothing published', { timeout: 180_000 }, async () => {
    const draft = await submittedDraft('镇桥镇暴雨橙色预警（待退回）')
    const chief = await signInAs(commander)
    try {
      await chief.page.goto(`${baseUrl}/warnings/${draft.id}`)
      await chief.page.getByTestId('status-submitted').waitFor({ timeout: 20_000 })
      await chief.page.getByTestId('warning-reject').click()
      await answerModal(chief.page, '影响范围需补充下游两个村，请修改后重新提交。')
      await chief.page.getByTestId('status-rejected').waitFor({ timeout: 20_000 })
      await expect.poll(() => chief.page.getByTestId('warning-timeline').innerText()).toContain('退回：影响范围需补充下游两个村')
      // An approver is not the author: no approve button any more, and nothing went public.
      expect(await chief.page.getByTestId('warning-approve').count()).toBe(0)
      // The rejected draft goes back to its author: the commander may not rewrite, resubmit or delete it.
      for (const button of ['warning-edit', 'warning-submit', 'warning-delete']) expect(await chief.page.getByTestId(button).count()).toBe(0)
      await shoot(chief.page, 'warnings-rejected-zh.png')
    } finally {
      await chief.context.close()
    }
    const detail = (await app.inject({ method: 'GET', url: `/api/warnings/${draft.id}`, headers: author })).json<{ status: string; reviewComment: string }>()
    expect(detail).toMatchObject({ status: 'rejected', reviewComment: '影响范围需补充下游两个村，请修改后重新提交。' })
    expect(await feed()).not.toContain('待退回')
  })

  it('a township officer sees a county warning over the township, without 更新预警 or 解除, and only the township\'s share of its audience', { timeout: 180_000 }, async () => {
    const county = await post('/api/warnings', author, {
      event: 'rainstorm', level: 'orange', headline: '乐平市暴雨橙色预警（两镇）', description: '镇桥镇、乐港镇3小时降雨量已达52毫米。',
      expires: hours(12), area: { divisionCodes: ['360281100', '360281101'] },
    })
    await post(`/api/warnings/${county.id}/submit`, author)
    await post(`/api/warnings/${county.id}/approve`, approver)
    const townshipUser = await createTestUser(platform, { role: 'township', jurisdiction: '360281100', displayName: '孙镇长' })
    const town = await signInAs(townshipUser)
    try {
      await town.page.goto(`${baseUrl}/warnings/${county.id}`)
      await town.page.getByTestId('status-issued').waitFor({ timeout: 30_000 })
      await town.page.getByTestId('audience-scope').waitFor({ timeout: 60_000 })
      expect(await town.page.getByTestId('audience-scope').innerText()).toContain('镇桥镇')
      for (const button of ['warning-update', 'warning-cancel']) expect(await town.page.getByTestId(button).count()).toBe(0)
      await shoot(town.page, 'warnings-township-county-warning-zh.png')
    } finally {
      await town.context.close()
    }
    // the county's duty officer, on the same page, may update it
    const duty = await signInAs(officer)
    try {
      await duty.page.goto(`${baseUrl}/warnings/${county.id}`)
      await duty.page.getByTestId('warning-update').waitFor({ timeout: 30_000 })
      expect(await duty.page.getByTestId('audience-scope').count()).toBe(0)
    } finally {
      await duty.context.close()
    }
  })

  it('the duty officer updates an issued warning to red (CAP Update referencing it), the commander approves, then cancels it (CAP Cancel); the public page and feed follow', { timeout: 300_000 }, async () => {
    const original = await submittedDraft('镇桥镇暴雨橙色预警（首发）')
    const issued = await post(`/api/warnings/${original.id}/approve`, approver)
    expect(issued.status).toBe('issued')
    const publicContext = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } })
    const publicPage = await publicContext.newPage()
    expect(await publicHeadlines(publicPage)).toContain('（首发）')

    // 1. The duty officer: 更新预警 on the detail page opens a new draft (msgType Update) to edit.
    const duty = await signInAs(officer)
    let updateId: string
    try {
      await duty.page.goto(`${baseUrl}/warnings/${original.id}`)
      await duty.page.getByTestId('status-issued').waitFor({ timeout: 20_000 })
      await duty.page.getByTestId('warning-update').click()
      await duty.page.waitForURL(/\/warnings\/[0-9a-f-]{36}\/edit$/, { timeout: 20_000 })
      updateId = duty.page.url().split('/').at(-2)!
      expect(updateId).not.toBe(original.id)
      await duty.page.getByTestId('warning-form').waitFor()
      await duty.page.getByTestId('warning-level').click()
      await duty.page.locator('.ant-select-item-option').filter({ hasText: '红色' }).click()
      await duty.page.getByTestId('warning-headline').fill('镇桥镇暴雨红色预警（更新）')
      await duty.page.getByTestId('warning-description').fill('镇桥镇3小时降雨量已达104毫米，降雨仍将持续，山洪、内涝风险极高。')
      await duty.page.getByTestId('warning-save').click()
      await expect.poll(async () => {
        const w = (await app.inject({ method: 'GET', url: `/api/warnings/${updateId}`, headers: author })).json<{ level: string; headline: string }>()
        return `${w.level} ${w.headline}`
      }, { timeout: 20_000 }).toBe('red 镇桥镇暴雨红色预警（更新）')
      await duty.page.getByTestId('warning-submit').click()
      await expect.poll(() => duty.page.getByTestId('status-submitted').count(), { timeout: 20_000 }).toBeGreaterThan(0)
      await shoot(duty.page, 'warnings-update-draft-zh.png')
    } finally {
      await duty.context.close()
    }
    const update = (await app.inject({ method: 'GET', url: `/api/warnings/${updateId}`, headers: author })).json<{ msgType: string; referencesId: string; status: string }>()
    expect(update).toMatchObject({ msgType: 'Update', referencesId: original.id, status: 'submitted' })

    // 2. The commander approves the Update: it is issued, the original is superseded.
    const chief = await signInAs(commander)
    try {
      await chief.page.goto(`${baseUrl}/warnings/${updateId}`)
      await chief.page.getByTestId('status-submitted').waitFor({ timeout: 20_000 })
      await approveOnPage(chief.page)
      const header = chief.page.getByTestId('warning-detail')
      await expect.poll(() => header.innerText()).toContain('更新')
      expect(await chief.page.getByTestId('level-red').count()).toBeGreaterThan(0)
      await chief.page.getByText('CAP 1.2 文档').click()
      const xml = () => chief.page.getByTestId('cap-xml').innerText()
      await expect.poll(xml).toContain('<msgType>Update</msgType>')
      expect(await xml()).toContain(`,${original.identifier},`)
      expect(await xml()).toContain('<severity>Extreme</severity>')
      await shoot(chief.page, 'warnings-update-issued-zh.png')
      // The link back to the original, which now shows as superseded.
      await chief.page.getByRole('link', { name: original.id.slice(0, 8) }).click()
      await chief.page.waitForURL(`**/warnings/${original.id}`)
      await chief.page.getByTestId('status-superseded').waitFor({ timeout: 20_000 })
      expect(await chief.page.getByTestId('warning-update').count()).toBe(0)

      // The public page shows the Update in place of the original; the feed lists both messages.
      await expect.poll(() => publicHeadlines(publicPage), { timeout: 30_000 }).toContain('（更新）')
      expect(await publicHeadlines(publicPage)).not.toContain('（首发）')
      await publicPage.locator('[data-testid="public-map"][data-ready="true"]').waitFor({ timeout: 20_000 })
      await shoot(publicPage, 'warnings-public-updated-zh.png')
      const afterUpdate = await feed()
      expect(afterUpdate).toContain('镇桥镇暴雨红色预警（更新）')

      // 3. The commander cancels the updated warning from its page: a CAP Cancel is issued at once.
      await chief.page.goto(`${baseUrl}/warnings/${updateId}`)
      await chief.page.getByTestId('status-issued').waitFor({ timeout: 20_000 })
      await chief.page.getByTestId('warning-cancel').click()
      await answerModal(chief.page, '降雨已明显减弱，险情解除。')
      await chief.page.waitForURL((url) => /\/warnings\/[0-9a-f-]{36}$/.test(url.pathname) && !url.pathname.endsWith(updateId), { timeout: 20_000 })
      const cancelId = chief.page.url().split('/').at(-1)!
      await expect.poll(() => chief.page.getByTestId('warning-detail').innerText(), { timeout: 20_000 }).toContain('解除')
      expect(await chief.page.getByTestId('warning-detail').innerText()).toContain('降雨已明显减弱，险情解除。')
      await chief.page.getByText('CAP 1.2 文档').click()
      await expect.poll(() => chief.page.getByTestId('cap-xml').innerText()).toContain('<msgType>Cancel</msgType>')
      await shoot(chief.page, 'warnings-cancel-issued-zh.png')
      const cancel = (await app.inject({ method: 'GET', url: `/api/warnings/${cancelId}`, headers: author })).json<{ msgType: string; referencesId: string; identifier: string }>()
      expect(cancel).toMatchObject({ msgType: 'Cancel', referencesId: updateId })
      const updated = (await app.inject({ method: 'GET', url: `/api/warnings/${updateId}`, headers: author })).json<{ status: string; identifier: string }>()
      expect(updated.status).toBe('cancelled')

      // The public page no longer lists it; the feed carries the Cancel and its CAP document names the Update.
      await expect.poll(async () => {
        const text = await publicHeadlines(publicPage)
        return text.includes('（更新）') || text.includes('（首发）')
      }, { timeout: 30_000 }).toBe(false)
      await shoot(publicPage, 'warnings-public-cancelled-zh.png')
      const afterCancel = await feed()
      expect(afterCancel).toContain(cancel.identifier)
      const capXml = await (await fetch(`${baseUrl}/public/cap/${cancel.identifier}.xml`)).text()
      expect(capXml).toContain('<msgType>Cancel</msgType>')
      expect(capXml).toContain(`,${updated.identifier},`)
    } finally {
      await chief.context.close()
      await publicContext.close()
    }
  })
})
