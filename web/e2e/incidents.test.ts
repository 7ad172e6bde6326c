/**
 * The incident chain in real Chromium against the real server (SCENARIO steps 6–7, 11–12; issue
 * #6 points 9–10): the 乐安河 station in 镇桥镇 passes its 警戒水位 and raises a flood alarm; the
 * duty officer turns the alarm into an incident with one click; the board suggests the flood plan
 * at level Ⅳ and says why; the commander, on his own screen, activates it; the checklist's tasks
 * appear on the duty officer's board without a reload (live stream); a task is accepted with
 * feedback, then a photo from the scene is sent with more feedback; a photo and a PDF are attached
 * to the incident (both seen live on the commander's board); the commander later raises the level
 * by his own judgement; the officer finds the activation among his notifications; the 续报 is generated, one sentence edited, saved as a new version and downloaded as
 * .docx, whose text is checked.
 */
import fs from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import type { FastifyInstance } from 'fastify'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { lepingDemoPlans } from '../../domain/src/plans/lepingDemoPlans.ts'
import { queryRows } from '../../server/src/db/rows.ts'
import { docxText } from '../../server/src/modules/registry/places/core/zipEntry.ts'
import type { TestPlatform } from '../../server/src/testing/platform.ts'
import { createTestUser, loginAs, type TestUser } from '../../server/src/testing/session.ts'
import { screenshotPath, startBrowserStage, type BrowserStage } from './browser.ts'

/** Every EventSource the app opens, so the test knows when the board's live stream is connected. */
type TestWindow = Window & { __streams?: EventSource[] }

const watchStreams = () => {
  const Native = window.EventSource
  const streams: EventSource[] = []
  ;(window as unknown as TestWindow).__streams = streams
  window.EventSource = class extends Native {
    constructor(url: string | URL, init?: EventSourceInit) {
      super(url, init)
      streams.push(this)
    }
  }
}

const floodPlanName = '乐平市防汛抗旱应急预案'

describe('the incident chain in Chromium', () => {
  let platform: TestPlatform
  let app: FastifyInstance
  let browser: Browser
  let stage: BrowserStage | undefined
  let baseUrl: string
  let officer: TestUser
  let commander: TestUser

  beforeAll(async () => {
    stage = await startBrowserStage()
    ;({ platform, app, browser, baseUrl } = stage)
    officer = await createTestUser(platform, { role: 'duty_officer', displayName: '赵值班' })
    commander = await createTestUser(platform, { role: 'commander', displayName: '钱指挥' })
  }, 400_000)

  afterAll(async () => {
    await stage?.close()
  })

  async function shoot(page: Page, name: string): Promise<void> {
    await page.screenshot({ animations: 'disabled', path: screenshotPath(name) })
  }

  /**
   * The county's flood plan (防汛抗旱, levels Ⅳ–Ⅰ with their criteria and checklists), effective.
   * Taken from the plans demo seed when the platform has run it; otherwise written here from the
   * same demo data (domain/src/plans/lepingDemoPlans.ts).
   */
  async function ensureFloodPlan(): Promise<void> {
    const existing = await queryRows<{ id: string }>(platform.db, sql`SELECT id FROM plans.plans WHERE name = ${floodPlanName} AND status = 'effective'`)
    if (existing.length > 0) return
    const plan = lepingDemoPlans.find((entry) => entry.name === floodPlanName)!
    const [row] = await queryRows<{ id: string }>(platform.db, sql`
      INSERT INTO plans.plans (name, type, hazard_types, owner_department, issuing_level, issuing_authority, division_code, status, synthetic)
      VALUES (${plan.name}, ${plan.type}, ${`{${plan.hazardTypes.join(',')}}`}::text[], ${plan.ownerDepartment}, 'county', ${plan.issuingAuthority}, '360281000000', 'effective', true)
      RETURNING id`)
    for (const level of plan.levels) {
      await platform.db.execute(sql`
        INSERT INTO plans.plan_levels (plan_id, level, name, description, criteria)
        VALUES (${row!.id}, ${level.level}, ${level.name}, ${level.description ?? ''}, ${JSON.stringify(level.criteria ?? null)}::jsonb)`)
      for (const [ord, item] of level.checklist.entries()) {
        await platform.db.execute(sql`
          INSERT INTO plans.plan_checklist_items (plan_id, level, ord, assignee_kind, assignee, task, deadline_minutes)
          VALUES (${row!.id}, ${level.level}, ${ord + 1}, ${item.assigneeKind}, ${item.assignee}, ${item.task}, ${item.deadlineMinutes})`)
      }
    }
  }

  /** The 乐安河 station beside 镇桥镇 (警戒水位 27.5 m, 保证水位 29 m), registered as an administrator would. */
  async function createRiverStation(): Promise<{ id: string; apiKey: string }> {
    const admin = await loginAs(app, platform, { role: 'admin' })
    const township = (await app.inject({ method: 'GET', url: '/api/divisions/360281100000', headers: admin.headers })).json<{ location: { lon: number; lat: number } }>()
    const response = await app.inject({
      method: 'POST',
      url: '/api/monitoring/devices',
      headers: admin.headers,
      payload: {
        code: 'LAH-WL-E2E', type: 'water_level', name: '乐安河镇桥水位站', divisionCode: '360281100000',
        location: { lon: township.location.lon + 0.01, lat: township.location.lat + 0.006 }, expectedIntervalS: 300,
        params: { warningLevelM: 27.5, guaranteedLevelM: 29 },
      },
    })
    expect(response.statusCode, response.body).toBe(201)
    return response.json<{ id: string; apiKey: string }>()
  }

  /** The river rises past its 警戒水位: 26.9 → 27.3 → 27.9 m, the last one now. */
  async function riverRises(apiKey: string): Promise<void> {
    const now = Date.now()
    const readings = [26.9, 27.3, 27.9].map((value, i) => ({ metric: 'level_m', ts: new Date(now - (2 - i) * 5 * 60_000).toISOString(), value }))
    const response = await fetch(`${baseUrl}/api/ingest/readings`, {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify(readings),
    })
    expect(response.status).toBe(200)
  }

  async function signIn(context: BrowserContext, user: TestUser): Promise<Page> {
    const page = await context.newPage()
    await page.goto(baseUrl)
    await page.getByLabel('用户名').fill(user.username)
    await page.getByLabel('密码').fill(user.password)
    await page.getByRole('button', { name: '登录' }).click()
    await page.waitForURL('**/map')
    return page
  }

  /** Waits until the board's incident stream is open (so later changes reach this page live). */
  async function streamOpen(page: Page, incidentId: string): Promise<void> {
    await page.waitForFunction((id) => ((window as unknown as TestWindow).__streams ?? [])
      .some((stream) => stream.url.includes(`/api/incidents/${id}/stream`) && stream.readyState === EventSource.OPEN), incidentId, { timeout: 15_000 })
  }

  it('takes a call (值班接报) with the place picked on the map, lists it, and puts the officer on duty', { timeout: 180_000 }, async () => {
    const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1440, height: 1000 } })
    try {
      const page = await signIn(context, officer)
      await page.getByRole('menuitem', { name: /应急指挥/ }).click()
      await page.waitForURL('**/incidents/list')
      await page.getByTestId('open-call-form').click()
      const form = page.getByTestId('call-form')
      await form.getByLabel('报告人').fill('李村长')
      await form.getByLabel('联系电话').fill('13900000000')
      await form.getByLabel('事件经过').fill('村后山体滑坡，阻断村道，暂无人员伤亡')
      await form.getByLabel('事件名称').fill('镇桥镇山体滑坡阻断村道')
      await form.getByLabel('事件子类').click()
      await page.locator('.ant-select-item-option').filter({ hasText: '地质灾害' }).click()
      await form.getByLabel('行政区划').click()
      await page.locator('.ant-select-tree-node-content-wrapper').filter({ hasText: '镇桥镇' }).click()
      const picker = await form.getByTestId('place-picker').boundingBox()
      await page.mouse.click(picker!.x + picker!.width / 2, picker!.y + picker!.height / 2)
      await expect.poll(() => form.innerText()).toMatch(/1\d\d\.\d{5}, 2\d\.\d{5}/)
      await shoot(page, 'incidents-call-form-zh.png')
      await form.getByTestId('call-form-submit').click()
      await page.waitForURL(/\/incidents\/[0-9a-f-]{36}$/, { timeout: 15_000 })
      const facts = page.getByTestId('incident-facts')
      await expect.poll(() => facts.innerText()).toContain('李村长')
      expect(await facts.innerText()).toContain('地质灾害')
      expect(await facts.innerText()).toContain('值班接报')

      // A work-safety accident 20 minutes ago with one death: 一般事故, to be reported to the county within 1 h (Decree 493 Art. 9).
      const desk = await loginAs(app, platform, { role: 'duty_officer' })
      const accident = await app.inject({
        method: 'POST', url: '/api/incidents', headers: desk.headers,
        payload: {
          category: 'accident', subtype: 'hazmatAccident', title: '镇桥镇化工企业危化品泄漏', divisionCode: '360281100000',
          occurredAt: new Date(Date.now() - 20 * 60_000).toISOString(), source: 'manual', facts: { deaths: 1, injured: 2 },
        },
      })
      expect(accident.statusCode, accident.body).toBe(201)

      // The list shows both, open; the accident graded, its county deadline counting down.
      await page.goto(`${baseUrl}/incidents/list`)
      const rows = page.getByTestId('incident-list').locator('.ant-table-tbody tr.ant-table-row')
      const row = rows.filter({ hasText: '镇桥镇山体滑坡阻断村道' })
      await row.waitFor()
      expect(await row.getByTestId('incident-status').innerText()).toBe('待处置')
      const accidentRow = rows.filter({ hasText: '镇桥镇化工企业危化品泄漏' })
      expect(await accidentRow.getByTestId('incident-grade').innerText()).toBe('一般事故')
      expect(await accidentRow.getByTestId('countdown').innerText()).toMatch(/^剩余 0:[34]\d:\d{2}$/)
      await shoot(page, 'incidents-list-zh.png')

      // Its board: the reporting deadlines (county 1 h, then the city 2 h); the county report is marked done.
      await accidentRow.getByTestId('incident-link').click()
      const deadlines = page.getByTestId('reporting-deadlines')
      await deadlines.waitFor()
      expect(await deadlines.getByTestId('deadline-countdown').count()).toBe(2)
      await deadlines.getByTestId('mark-reported').click()
      await expect.poll(() => deadlines.getByTestId('deadline-countdown').count()).toBe(1)
      expect(await deadlines.innerText()).toContain('已上报')
      expect(await deadlines.getByTestId('reporting-step').first().getAttribute('data-state')).toBe('done')
      // Placed at its township's point (no location given); the map is drawn before the picture.
      await page.locator('.incident-marker').waitFor()
      await page.getByTestId('incident-title').scrollIntoViewIfNeeded()
      await shoot(page, 'incidents-accident-deadlines-zh.png')

      // 值班: the officer puts himself on duty for the next 24 hours; 当前值班 shows him at once.
      await page.getByRole('menuitem', { name: '值班' }).click()
      await page.waitForURL('**/incidents/duty')
      await page.getByTestId('shift-add').click()
      const shiftDialog = page.getByRole('dialog').filter({ hasText: '添加排班' })
      // 本人值班: the shift names his account (notifications of the shift go to him); his name is filled in.
      await shiftDialog.getByTestId('shift-myself').click()
      expect(await shiftDialog.getByLabel('姓名').inputValue()).toBe('赵值班')
      await shiftDialog.getByLabel('联系电话').fill('0798-6812345')
      await shiftDialog.getByRole('button', { name: /确\s*定|OK/ }).click()
      const onDuty = page.getByTestId('duty-now').getByTestId('duty-person').filter({ hasText: '赵值班' })
      await onDuty.waitFor({ timeout: 10_000 })
      expect(await onDuty.innerText()).toContain('0798-6812345')
      expect(await page.getByTestId('duty-week').innerText()).toContain('赵值班')
      await shoot(page, 'incidents-duty-zh.png')
    } finally {
      await context.close()
    }
  })

  it('alarm → incident → flood plan Ⅳ suggested with its reason → commander activates → tasks appear live → accepted → sitrep exported', { timeout: 240_000 }, async () => {
    await ensureFloodPlan()
    const station = await createRiverStation()
    await riverRises(station.apiKey)

    // The duty room's clock: the board shows the same times as the 续报 (China Standard Time).
    const officerContext = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1440, height: 1000 }, acceptDownloads: true })
    await officerContext.addInitScript(watchStreams)
    const commanderContext = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1440, height: 1000 } })
    await commanderContext.addInitScript(watchStreams)
    try {
      // 6. The duty officer finds the flood alarm and turns it into an incident with one click.
      const page = await signIn(officerContext, officer)
      await page.goto(`${baseUrl}/monitoring/alarms`)
      const alarmRow = page.getByTestId('alarm-list').locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: '乐安河镇桥水位站' })
      await alarmRow.waitFor({ timeout: 20_000 })
      await alarmRow.getByTestId('alarm-view').click()
      await page.getByTestId('alarm-to-incident').click()
      await page.waitForURL(/\/incidents\/[0-9a-f-]{36}$/, { timeout: 20_000 })
      const incidentId = page.url().split('/').at(-1)!
      const board = page.getByTestId('incident-board')
      await board.waitFor()
      expect(await page.getByTestId('incident-title').innerText()).toContain('乐安河镇桥水位站')
      const facts = page.getByTestId('incident-facts')
      await expect.poll(() => facts.innerText()).toContain('黄色')
      expect(await facts.innerText()).toContain('自然灾害')
      expect(await page.getByTestId('fact-water').innerText()).toBe('0.40 m')
      expect(await page.getByTestId('incident-status').innerText()).toBe('待处置')

      // 7. The flood plan at level Ⅳ, with the reason.
      const suggestion = page.getByTestId('plan-suggestion').filter({ hasText: floodPlanName })
      await suggestion.waitFor({ timeout: 15_000 })
      expect(await suggestion.getByTestId('response-level').innerText()).toBe('Ⅳ级响应')
      const reasons = await suggestion.getByTestId('plan-reasons').innerText()
      expect(reasons).toMatch(/洪|警戒|预警级别/)
      // Only a commander activates: the duty officer has no button.
      expect(await suggestion.getByTestId('activate-plan').count()).toBe(0)
      // The map shows the incident and what is near it, with distances.
      await expect.poll(() => page.getByTestId('nearby-distance').count(), { timeout: 15_000 }).toBeGreaterThan(0)
      expect(Number(await page.getByTestId('incident-map').getAttribute('data-points'))).toBeGreaterThan(0)
      await page.locator('.incident-marker').waitFor()
      // 11. Teams ranked for this incident (its place, flood, road travel): a flood-capable team first, with
      // why; the park's hazmat team held in reserve with its reason.
      const teams = page.getByTestId('team-suggestion')
      await expect.poll(() => teams.count(), { timeout: 60_000 }).toBeGreaterThan(1)
      expect(await teams.first().getByTestId('team-suggestion-why').innerText()).toMatch(/^.+：(能力匹配|兼有|专业对口)[^，]*洪涝[^，]*，待命，车程 \d+ 分钟，\d+ 人$/)
      const hazmat = teams.filter({ hasText: '危化品应急救援队' })
      expect(await hazmat.getByTestId('team-suggestion-held').innerText()).toBe('留守')
      expect(await hazmat.getByTestId('team-suggestion-why').innerText()).toContain('留守待命：驻地 5 公里内有重大危险源企业')
      expect(await page.getByTestId('team-suggestions-open').getAttribute('href')).toBe(`/dispatch/teams?incidentId=${incidentId}`)
      await streamOpen(page, incidentId)
      await shoot(page, 'incidents-board-suggested-zh.png')

      // The commander opens the same board and activates the plan at level Ⅳ.
      const commanderPage = await signIn(commanderContext, commander)
      await commanderPage.goto(`${baseUrl}/incidents/${incidentId}`)
      const commanderSuggestion = commanderPage.getByTestId('plan-suggestion').filter({ hasText: floodPlanName })
      await commanderSuggestion.getByTestId('activate-plan').click()
      const confirm = commanderPage.getByRole('dialog').filter({ hasText: '确认启动应急响应' })
      expect(await confirm.innerText()).toContain(floodPlanName)
      await confirm.getByLabel('意见').fill('乐安河超警戒，启动防汛Ⅳ级应急响应')
      await confirm.getByTestId('activate-confirm').click()
      await expect.poll(() => commanderPage.getByTestId('task-card').count(), { timeout: 15_000 }).toBeGreaterThan(0)
      await commanderPage.getByTestId('plan-suggestions').scrollIntoViewIfNeeded()
      await shoot(commanderPage, 'incidents-board-activated-commander-zh.png')

      // On the duty officer's screen, without a reload: responding at Ⅳ, the checklist's tasks assigned.
      await expect.poll(() => page.getByTestId('incident-status').innerText(), { timeout: 15_000 }).toBe('响应中')
      const plan = lepingDemoPlans.find((entry) => entry.name === floodPlanName)!
      const checklist = plan.levels.find((level) => level.level === 4)!.checklist
      await expect.poll(() => page.getByTestId('task-card').count(), { timeout: 15_000 }).toBe(checklist.length)
      const assigned = page.getByTestId('task-column-assigned')
      for (const item of checklist) expect(await assigned.innerText()).toContain(item.task)
      expect(await assigned.innerText()).toContain('市水利局')
      expect(await page.getByTestId('deadline-countdown').count()).toBe(0) // no accident: no Decree 493 deadlines
      expect(await page.getByTestId('task-countdown').first().innerText()).toMatch(/^剩余 \d+:\d{2}:\d{2}$/)
      const activated = page.getByTestId('plan-suggestion').filter({ hasText: floodPlanName })
      await expect.poll(() => activated.innerText()).toContain('已启动')
      await page.getByTestId('task-board').scrollIntoViewIfNeeded()
      await shoot(page, 'incidents-board-tasks-live-zh.png')

      // A task is accepted with feedback: it moves to 已接收, and the log records it.
      const waterTask = assigned.getByTestId('task-card').filter({ hasText: '加密水文监测' })
      await waterTask.getByTestId('task-accept').click()
      const acceptDialog = page.getByRole('dialog').filter({ hasText: '加密水文监测' })
      await acceptDialog.getByLabel('反馈').fill('水文站已加密至每小时观测')
      await acceptDialog.getByTestId('task-action-confirm').click()
      const accepted = page.getByTestId('task-column-accepted').getByTestId('task-card').filter({ hasText: '加密水文监测' })
      await accepted.waitFor({ timeout: 10_000 })
      expect(await accepted.getByTestId('task-feedback').innerText()).toContain('每小时观测')
      // …and the commander sees it too, live.
      await commanderPage.getByTestId('task-column-accepted').getByTestId('task-card').filter({ hasText: '加密水文监测' }).waitFor({ timeout: 10_000 })
      await accepted.scrollIntoViewIfNeeded()
      await shoot(page, 'incidents-task-accepted-zh.png')

      // Feedback with a photo from the scene: the thumbnail shows on the task card, on both screens.
      const scenePhoto = await page.screenshot({ clip: { x: 0, y: 0, width: 96, height: 64 } })
      await accepted.getByTestId('task-feedback-button').click()
      const feedbackDialog = page.getByRole('dialog').filter({ hasText: '加密水文监测' })
      await feedbackDialog.getByLabel('反馈').fill('堤段巡查正常，附现场照片')
      await feedbackDialog.getByTestId('task-photo-upload').locator('input[type=file]').setInputFiles({ name: '堤段现场.png', mimeType: 'image/png', buffer: scenePhoto })
      await feedbackDialog.locator('.ant-upload-list-item').waitFor()
      await feedbackDialog.getByTestId('task-action-confirm').click()
      // A thumbnail has loaded when its picture decoded (antd may put the test id on the image's wrapper).
      const loaded = (image: ReturnType<Page['getByTestId']>) => image.evaluate((el) => {
        const img = (el.tagName === 'IMG' ? el : el.querySelector('img')) as HTMLImageElement | null
        return img !== null && img.complete && img.naturalWidth > 0
      })
      const photo = accepted.getByTestId('task-photo')
      await photo.waitFor({ timeout: 15_000 })
      await expect.poll(() => loaded(photo), { timeout: 10_000 }).toBe(true)
      expect(await accepted.getByTestId('task-feedback').innerText()).toContain('附现场照片')
      const commanderPhoto = commanderPage.getByTestId('task-column-accepted').getByTestId('task-card').filter({ hasText: '加密水文监测' }).getByTestId('task-photo')
      await commanderPhoto.waitFor({ timeout: 15_000 })

      // An attachment on the incident (a photo and a PDF): listed with name, size, uploader and time, the photo as a thumbnail; live on the commander's board.
      const attachments = page.getByTestId('incident-attachments')
      const upload = attachments.locator('input[type=file]')
      await upload.setInputFiles({ name: '乐安河水情.png', mimeType: 'image/png', buffer: scenePhoto })
      await attachments.getByTestId('attachment-item').filter({ hasText: '乐安河水情.png' }).waitFor({ timeout: 15_000 })
      await upload.setInputFiles({ name: '巡堤记录.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%巡堤记录\n') })
      const pdfItem = attachments.getByTestId('attachment-item').filter({ hasText: '巡堤记录.pdf' })
      await pdfItem.waitFor({ timeout: 15_000 })
      expect(await pdfItem.innerText()).toMatch(/1 KB · 赵值班 · \d{4}-\d{2}-\d{2} \d{2}:\d{2}/)
      // Three files: the task's photo (tagged with its task) and the two uploaded here.
      expect(await attachments.getByTestId('attachment-item').count()).toBe(3)
      expect(await attachments.innerText()).toContain('任务照片：加密水文监测')
      const thumbnail = attachments.getByTestId('attachment-item').filter({ hasText: '乐安河水情.png' }).getByTestId('attachment-thumbnail')
      await expect.poll(() => loaded(thumbnail), { timeout: 10_000 }).toBe(true)
      expect(await pdfItem.getByTestId('attachment-name').getAttribute('href')).toMatch(/\/api\/incidents\/.+\/attachments\/.+\?inline=true$/)
      await commanderPage.getByTestId('incident-attachments').getByTestId('attachment-item').filter({ hasText: '巡堤记录.pdf' }).waitFor({ timeout: 15_000 })
      await attachments.scrollIntoViewIfNeeded()
      await shoot(page, 'incidents-attachments-zh.png')
      await accepted.scrollIntoViewIfNeeded()
      await shoot(page, 'incidents-task-photo-zh.png')

      // The command log: created, activated, tasks — newest first; a manual decision is added.
      await page.getByTestId('tab-log').click()
      const log = page.getByTestId('command-log')
      await expect.poll(() => log.innerText()).toContain('启动')
      await page.getByTestId('log-input').fill('通知镇桥镇组织巡堤查险')
      await page.getByTestId('log-add').click()
      await expect.poll(() => log.getByTestId('log-entry').first().innerText()).toContain('通知镇桥镇组织巡堤查险')
      expect(await log.getByTestId('log-entry').first().innerText()).toContain('赵值班')
      await log.scrollIntoViewIfNeeded()
      await shoot(page, 'incidents-command-log-zh.png')

      // 12. The 续报: generated from the data, one sentence edited, saved as version 2, downloaded.
      await page.getByTestId('tab-sitreps').click()
      await page.getByTestId('sitrep-generate').click()
      const title = page.getByTestId('sitrep-title')
      await expect.poll(() => title.innerText(), { timeout: 15_000 }).toMatch(/续报（第1期）/)
      const basic = page.getByTestId('sitrep-section-basic')
      expect(await basic.inputValue()).toContain('乐安河')
      // The place is said once: the alarm's title already names the township and the station.
      expect(await basic.inputValue()).toMatch(/，乐平市发生镇桥镇乐安河镇桥水位站/)
      const actions = page.getByTestId('sitrep-section-actions')
      const edited = `${await actions.inputValue()}\n已通知镇桥镇组织巡堤查险。`
      await actions.fill(edited)
      await page.getByTestId('sitrep-save').click()
      await expect.poll(() => page.getByTestId('sitrep-version').innerText(), { timeout: 10_000 }).toMatch(/^v2/)
      await page.getByTestId('sitrep-title').scrollIntoViewIfNeeded()
      await shoot(page, 'incidents-sitrep-zh.png')
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('sitrep-docx').click()])
      expect(download.suggestedFilename()).toMatch(/续报（第1期）\.docx$/)
      const file = await download.path()
      const text = docxText(fs.readFileSync(file))
      expect(text).toContain('续报（第1期）')
      expect(text).toContain('一、基本情况')
      expect(text).toContain('二、处置情况')
      expect(text).toContain('三、下一步工作')
      expect(text).toContain('已通知镇桥镇组织巡堤查险。')
      expect(text).toContain(floodPlanName)

      // 发布预警 from the board: a flood warning drafted from the incident's alarm (its level, its township).
      await page.getByTestId('incident-to-warning').click()
      await page.waitForURL('**/warnings/new?incidentId=*')
      await expect.poll(() => page.getByTestId('warning-hazard').innerText(), { timeout: 15_000 }).toContain('洪水')
      await expect.poll(() => page.getByTestId('warning-level').innerText()).toContain('黄色')
      await shoot(page, 'incidents-warning-draft-zh.png')
      await page.goBack()
      await page.getByTestId('tab-tasks').waitFor()

      // The same board in English.
      await page.getByRole('button', { name: 'English' }).click()
      await page.getByTestId('tab-tasks').click()
      await expect.poll(() => page.getByTestId('tab-tasks').innerText()).toContain('Tasks')
      expect(await page.getByTestId('plan-reasons').first().innerText()).toMatch(/flood|warning/i)
      await page.getByTestId('plan-suggestions').scrollIntoViewIfNeeded()
      await shoot(page, 'incidents-board-en.png')
      await page.getByRole('button', { name: '中文' }).click()

      // The commander raises the response to Ⅲ by his own judgement (Ⅳ is what the facts suggest): recorded on the log, live.
      const raise = commanderPage.getByTestId('plan-suggestion').filter({ hasText: floodPlanName })
      await raise.getByTestId('activate-plan').click()
      const raiseDialog = commanderPage.getByRole('dialog').filter({ hasText: '确认启动应急响应' })
      expect(await raiseDialog.getByTestId('activate-level').innerText()).toContain('Ⅳ（建议）')
      await raiseDialog.getByTestId('activate-level').getByText('Ⅲ', { exact: true }).click()
      await shoot(commanderPage, 'incidents-level-change-zh.png')
      await raiseDialog.getByTestId('activate-confirm').click()
      await page.getByTestId('tab-log').click()
      await expect.poll(() => page.getByTestId('command-log').innerText(), { timeout: 15_000 }).toContain('响应等级由Ⅳ级调整为Ⅲ级')

      // The officer's notifications: the activation's task assignment, linked to the incident.
      await page.goto(`${baseUrl}/incidents/list`)
      const notices = page.getByTestId('incident-notifications').getByTestId('notification').filter({ hasText: '乐安河镇桥水位站' })
      const notice = notices.filter({ hasText: '启动《乐平市防汛抗旱应急预案》Ⅳ级应急响应' }).first()
      await notice.waitFor({ timeout: 15_000 })
      expect(await notice.innerText()).toContain('任务下达')
      // Newest first: the level change's new tasks; deadlines in the duty room's time.
      expect(await notices.first().innerText()).toContain('响应等级由Ⅳ级调整为Ⅲ级')
      expect(await notices.first().innerText()).toMatch(/\d+月\d+日\d+时\d+分前/)
      await shoot(page, 'incidents-notifications-zh.png')
      await notice.getByRole('link').click()
      await page.waitForURL(`**/incidents/${incidentId}`)
    } finally {
      await officerContext.close()
      await commanderContext.close()
    }
  })
})
