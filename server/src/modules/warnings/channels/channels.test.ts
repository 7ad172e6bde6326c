/** The channel adapters against real protocol peers: an HTTP gateway, a real SMTP dialogue, robot receivers. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'
import type { WarningContent } from '@yingji/domain/warnings/deliveryMessages'
import { dingtalkSign, dingtalkChannel, dingtalkUrl, wecomChannel } from './robots.ts'
import { emailChannel } from './email.ts'
import { smsChannel } from './sms.ts'
import { startReceiver, type LocalReceiver } from './testing.ts'
import { tokenBucket } from './rateLimit.ts'

const warning: WarningContent = {
  msgType: 'Alert', level: 'red', headline: '镇桥镇山洪灾害红色预警', description: '镇桥镇3小时降雨量已达100毫米以上，山洪可能发生。',
  instruction: '沿河低洼地带人员立即转移到安置点', areaDesc: '镇桥镇', expires: '2026-11-30T00:00:00Z', senderName: '乐平应急',
}
const ackUrl = 'http://localhost:3000/public/warnings/ack/' + 'a'.repeat(64)
/** Just enough MIME for the test: headers unfolded, encoded words, the text/plain and text/html parts decoded. */
function parseMail(raw: string) {
  const decodeWords = (v: string) => v.replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_m, enc: string, data: string) => enc.toLowerCase() === 'b'
    ? Buffer.from(data, 'base64').toString('utf8')
    : Buffer.from(data.replace(/_/g, ' ').replace(/=([0-9a-f]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8'))
  const [head] = raw.split(/\r?\n\r?\n/)
  const header = (name: string) => {
    const m = head!.replace(/\r?\n[ \t]+/g, ' ').match(new RegExp(`^${name}: (.*)$`, 'im'))
    return m ? decodeWords(m[1]!) : undefined
  }
  const part = (type: string) => {
    const at = raw.search(new RegExp(`Content-Type: ${type}`, 'i'))
    if (at < 0) return ''
    const rest = raw.slice(at)
    const enc = rest.match(/Content-Transfer-Encoding: (\S+)/i)?.[1]?.toLowerCase()
    const blank = rest.search(/\r?\n\r?\n/)
    const body = rest.slice(blank).replace(/^\r?\n\r?\n/, '').split(/\r?\n--/)[0]!
    if (enc === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
    if (enc === 'quoted-printable') return Buffer.from(body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_x, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8')
    return body
  }
  return { subject: header('Subject'), messageId: header('Message-ID'), text: part('text/plain'), html: part('text/html') }
}

const message = (id: string, address: string) => ({ deliveryId: id, address, warning, ackUrl })

describe('SMS over the HTTP gateway', () => {
  let gateway: LocalReceiver
  beforeAll(async () => { gateway = await startReceiver({ kind: 'sms' }) })
  afterAll(async () => { await gateway.close() })

  it('posts {to, text, id} with the id as idempotency key; the 2xx answer means sent', async () => {
    const sms = smsChannel({ gatewayUrl: `${gateway.url}/send`, token: 'tok', ratePerSecond: 0, concurrency: 1, batchSize: 1, timeoutMs: 2000 })
    const result = await sms.send(message('11111111-1111-4111-8111-111111111111', '13800000001'))
    expect(result).toEqual({ outcome: 'sent', providerMessageId: 'gw-11111111-1111-4111-8111-111111111111' })
    const got = gateway.received.at(-1)!
    expect(got.body).toEqual({ to: '13800000001', text: expect.stringContaining('【乐平应急】发布红色预警：镇桥镇山洪灾害红色预警'), id: '11111111-1111-4111-8111-111111111111' })
    expect((got.body as { text: string }).text).toContain(ackUrl)
    expect(got.headers['idempotency-key']).toBe('11111111-1111-4111-8111-111111111111')
    expect(got.headers.authorization).toBe('Bearer tok')
  })

  it('a resend with the same id is dropped by the gateway as a duplicate', async () => {
    const sms = smsChannel({ gatewayUrl: gateway.url, ratePerSecond: 0, concurrency: 1, batchSize: 1, timeoutMs: 2000 })
    await sms.send(message('22222222-2222-4222-8222-222222222222', '13800000002'))
    await sms.send(message('22222222-2222-4222-8222-222222222222', '13800000002'))
    expect(gateway.acceptedById.get('22222222-2222-4222-8222-222222222222')).toBe(1)
    expect(gateway.duplicates).toBe(1)
  })

  it('5xx and timeouts are transient, 4xx permanent, a bad number fails before sending', async () => {
    const sms = smsChannel({ gatewayUrl: gateway.url, ratePerSecond: 0, concurrency: 1, batchSize: 1, timeoutMs: 2000 })
    gateway.script.push(503)
    expect(await sms.send(message('33333333-3333-4333-8333-333333333333', '13800000003'))).toMatchObject({ outcome: 'retry', error: expect.stringContaining('HTTP 503') })
    gateway.script.push(400)
    expect(await sms.send(message('33333333-3333-4333-8333-333333333333', '13800000003'))).toMatchObject({ outcome: 'failed', error: expect.stringContaining('HTTP 400') })
    expect(await sms.send(message('33333333-3333-4333-8333-333333333334', 'not-a-phone'))).toMatchObject({ outcome: 'failed' })
    const down = smsChannel({ gatewayUrl: 'http://127.0.0.1:1', ratePerSecond: 0, concurrency: 1, batchSize: 1, timeoutMs: 500 })
    expect(await down.send(message('33333333-3333-4333-8333-333333333335', '13800000003'))).toMatchObject({ outcome: 'retry', error: expect.stringContaining('network') })
  })

  it('batch mode posts {messages: […]} and reads per-message results', async () => {
    const sms = smsChannel({ gatewayUrl: gateway.url, ratePerSecond: 0, concurrency: 1, batchSize: 50, timeoutMs: 2000 })
    const results = await sms.sendBatch!([message('44444444-4444-4444-8444-444444444441', '13800000004'), message('44444444-4444-4444-8444-444444444442', 'bad')])
    expect(results).toEqual([{ outcome: 'sent', providerMessageId: 'gw-44444444-4444-4444-8444-444444444441' }, { outcome: 'failed', error: 'invalid phone number bad' }])
    expect((gateway.received.at(-1)!.body as { messages: unknown[] }).messages).toHaveLength(1)
  })
})

describe('e-mail over a real SMTP dialogue (smtp-server)', () => {
  let server: SMTPServer
  let port: number
  const mails: Array<{ from: string; to: string[]; raw: string }> = []
  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true, disabledCommands: ['STARTTLS'], logger: false,
      onRcptTo(address, _session, callback) {
        if (address.address.startsWith('nobody@')) callback(Object.assign(new Error('mailbox unavailable'), { responseCode: 550 }))
        else if (address.address.startsWith('busy@')) callback(Object.assign(new Error('try again later'), { responseCode: 451 }))
        else callback()
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = []
        stream.on('data', (c: Buffer) => chunks.push(c))
        stream.on('end', () => {
          mails.push({ from: (session.envelope.mailFrom as { address: string }).address, to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') })
          callback()
        })
      },
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
    port = (server.server.address() as AddressInfo).port
  })
  afterAll(async () => { await new Promise<void>((resolve) => server.close(() => resolve())) })

  it('sends a UTF-8 mail with subject, instructions and the link; 250 counts as delivered', async () => {
    const email = emailChannel({ smtpUrl: `smtp://127.0.0.1:${port}`, from: '乐平应急 <alert@leping.example.cn>', ratePerSecond: 0, concurrency: 1, timeoutMs: 5000 })
    const result = await email.send(message('55555555-5555-4555-8555-555555555555', 'zhang@leping.example.cn'))
    await email.close!()
    expect(result).toEqual({ outcome: 'delivered', providerMessageId: '<55555555-5555-4555-8555-555555555555@leping.example.cn>' })
    expect(mails).toHaveLength(1)
    expect(mails[0]).toMatchObject({ from: 'alert@leping.example.cn', to: ['zhang@leping.example.cn'] })
    const parsed = parseMail(mails[0]!.raw)
    expect(parsed.subject).toBe('【发布红色预警】镇桥镇山洪灾害红色预警')
    expect(parsed.messageId).toBe('<55555555-5555-4555-8555-555555555555@leping.example.cn>')
    expect(parsed.text).toContain('沿河低洼地带人员立即转移到安置点')
    expect(parsed.html).toContain(`<a href="${ackUrl}">`)
  })

  it('SMTP 5xx is permanent, 4xx transient', async () => {
    const email = emailChannel({ smtpUrl: `smtp://127.0.0.1:${port}`, from: 'alert@leping.example.cn', ratePerSecond: 0, concurrency: 1, timeoutMs: 5000 })
    expect(await email.send(message('66666666-6666-4666-8666-666666666661', 'nobody@leping.example.cn'))).toMatchObject({ outcome: 'failed', error: expect.stringContaining('550') })
    expect(await email.send(message('66666666-6666-4666-8666-666666666662', 'busy@leping.example.cn'))).toMatchObject({ outcome: 'retry', error: expect.stringContaining('451') })
    expect(await email.send(message('66666666-6666-4666-8666-666666666663', 'not an address'))).toMatchObject({ outcome: 'failed' })
    await email.close!()
  })
})

describe('group robots (WeCom, DingTalk) against a local receiver', () => {
  let robot: LocalReceiver
  beforeAll(async () => {
    robot = await startReceiver({ kind: 'webhook', answer: (r) => (r.query.get('key') === 'limited' ? { errcode: 45009, errmsg: 'api freq out of limit' } : r.query.get('key') === 'bad' ? { errcode: 93000, errmsg: 'invalid webhook url' } : { errcode: 0, errmsg: 'ok' }) })
  })
  afterAll(async () => { await robot.close() })

  it('WeCom: {msgtype: markdown, markdown: {content}}; errcode 0 is delivered, 45009 retry, others failed', async () => {
    const wecom = wecomChannel({ ratePerSecond: 0, concurrency: 1, timeoutMs: 2000 })
    expect(await wecom.send(message('77777777-7777-4777-8777-777777777771', `${robot.url}/cgi-bin/webhook/send?key=ok`))).toEqual({ outcome: 'delivered', providerMessageId: null })
    const body = robot.received.at(-1)!.body as { msgtype: string; markdown: { content: string } }
    expect(body.msgtype).toBe('markdown')
    expect(Object.keys(body)).toEqual(['msgtype', 'markdown'])
    expect(body.markdown.content).toContain('<font color="warning">发布红色预警</font>：镇桥镇山洪灾害红色预警')
    expect(body.markdown.content).toContain(`[确认收到](${ackUrl})`)
    expect(await wecom.send(message('77777777-7777-4777-8777-777777777772', `${robot.url}/cgi-bin/webhook/send?key=limited`))).toMatchObject({ outcome: 'retry' })
    expect(await wecom.send(message('77777777-7777-4777-8777-777777777773', `${robot.url}/cgi-bin/webhook/send?key=bad`))).toMatchObject({ outcome: 'failed', error: expect.stringContaining('93000') })
  })

  it('DingTalk: {msgtype: markdown, markdown: {title, text}}, signed with timestamp and HMAC-SHA256 sign when a secret is set', async () => {
    const ding = dingtalkChannel({ ratePerSecond: 0, concurrency: 1, timeoutMs: 2000 })
    const secret = 'SECtest0123456789'
    expect(await ding.send(message('88888888-8888-4888-8888-888888888881', `${robot.url}/robot/send?access_token=abc#${secret}`))).toEqual({ outcome: 'delivered', providerMessageId: null })
    const got = robot.received.at(-1)!
    expect(got.body).toEqual({ msgtype: 'markdown', markdown: { title: '发布红色预警：镇桥镇山洪灾害红色预警', text: expect.stringContaining(`[确认收到](${ackUrl})`) } })
    expect(got.query.get('access_token')).toBe('abc')
    const timestamp = Number(got.query.get('timestamp'))
    expect(Math.abs(timestamp - Date.now())).toBeLessThan(60 * 60_000) // DingTalk refuses a timestamp older than an hour
    expect(got.query.get('sign')).toBe(dingtalkSign(secret, timestamp))
    // unsigned robot: no timestamp, no sign
    await ding.send(message('88888888-8888-4888-8888-888888888882', `${robot.url}/robot/send?access_token=plain`))
    expect(robot.received.at(-1)!.query.has('sign')).toBe(false)
  })

  it('DingTalk sign follows the documented recipe (Base64 of HMAC-SHA256 over "timestamp\\nsecret"), URL-encoded in the query', () => {
    const url = new URL(dingtalkUrl('https://oapi.dingtalk.com/robot/send?access_token=x#SECabc', undefined, 1_700_000_000_000))
    expect(url.hash).toBe('')
    expect(url.searchParams.get('timestamp')).toBe('1700000000000')
    expect(url.searchParams.get('sign')).toBe(dingtalkSign('SECabc', 1_700_000_000_000))
    expect(url.toString()).toContain(`sign=${encodeURIComponent(dingtalkSign('SECabc', 1_700_000_000_000))}`)
  })
})

describe('rate limit (token bucket)', () => {
  it('lets a burst through and then spaces takes at the rate', async () => {
    const bucket = tokenBucket(100, 5)
    let taken = 0
    const t0 = performance.now()
    while (taken < 25) {
      await bucket.take()
      taken++
    }
    // 5 at once, then 20 at 100/s ≈ 200 ms; only a lower bound is asserted (no wall-clock ceilings)
    expect(performance.now() - t0).toBeGreaterThanOrEqual(150)
  })
})
