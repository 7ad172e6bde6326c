/**
 * A person at the product in the browser: their own context (zh-CN, Beijing time), signed in
 * through the login page; and the init script that records the EventSources the app opens, so a
 * test knows when a page's live stream is connected.
 */
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core'
import type { TestUser } from '../../server/src/testing/session.ts'

/** The page's window as the init scripts leave it. */
export type StreamWindow = Window & { __streams?: EventSource[] }

/** Records every EventSource the app opens (pass to `context.addInitScript`). */
export const watchStreams = () => {
  const Native = window.EventSource
  const streams: EventSource[] = []
  ;(window as unknown as StreamWindow).__streams = streams
  window.EventSource = class extends Native {
    constructor(url: string | URL, init?: EventSourceInit) {
      super(url, init)
      streams.push(this)
    }
  }
}

/** Waits until the page has a live stream open whose URL contains `part`. */
export async function streamOpen(page: Page, part: string, timeout = 30_000): Promise<void> {
  await page.waitForFunction((p) => ((window as unknown as StreamWindow).__streams ?? [])
    .some((stream) => stream.url.includes(p) && stream.readyState === EventSource.OPEN), part, { timeout })
}

export interface Person {
  context: BrowserContext
  page: Page
}

/** A new browser context for the user, signed in through the login page (lands on the one map). */
export async function signIn(browser: Browser, baseUrl: string, user: TestUser, options: BrowserContextOptions & { initScripts?: (() => void)[] } = {}): Promise<Person> {
  const { initScripts = [], ...contextOptions } = options
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1440, height: 1000 }, ...contextOptions })
  for (const script of initScripts) await context.addInitScript(script)
  const page = await context.newPage()
  await page.goto(baseUrl)
  await page.getByLabel('用户名').fill(user.username)
  await page.getByLabel('密码').fill(user.password)
  await page.getByRole('button', { name: '登录' }).click()
  await page.waitForURL('**/map', { timeout: 30_000 })
  return { context, page }
}
