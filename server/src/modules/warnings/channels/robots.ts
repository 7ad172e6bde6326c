/**
 * Group-robot webhooks: WeCom (企业微信群机器人) and DingTalk (钉钉自定义机器人).
 *
 * WeCom: POST `{msgtype: 'markdown', markdown: {content}}` to the robot's URL
 * (`https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…`); answer `{errcode, errmsg}`,
 * 0 = ok, 45009 = too frequent (limit 20 messages a minute per robot) → retry.
 * DingTalk: POST `{msgtype: 'markdown', markdown: {title, text}}` to
 * `https://oapi.dingtalk.com/robot/send?access_token=…`; with 加签 (signing) the URL also carries
 * `timestamp` (ms) and `sign` = URL-encoded Base64 of HMAC-SHA256(secret, `${timestamp}\n${secret}`).
 * The secret (`SEC…`) is written after a `#` in the subscriber's webhook (a fragment is never
 * sent), or set for all robots by YINGJI_DINGTALK_SECRET. 130101 = too fast → retry.
 * A webhook has no idempotency key: a resend after a crash reaches the group twice.
 */
import crypto from 'node:crypto'
import { dingtalkMarkdown, wecomMarkdown } from '@yingji/domain/warnings/deliveryMessages'
import { postJson, type PostAnswer } from './http.ts'
import type { ChannelAdapter, SendResult } from './types.ts'

export interface RobotSettings {
  ratePerSecond: number
  concurrency: number
  timeoutMs: number
}

const busyCodes = new Set([45009, 130101, -1])

function resultOf(answer: PostAnswer): SendResult {
  if (answer.kind !== 'ok') return { outcome: answer.kind, error: answer.error ?? 'error' }
  const body = answer.body as { errcode?: number; errmsg?: string } | null
  if (body && typeof body.errcode === 'number' && body.errcode !== 0) {
    return { outcome: busyCodes.has(body.errcode) ? 'retry' : 'failed', error: `errcode ${body.errcode}: ${body.errmsg ?? ''}` }
  }
  return { outcome: 'delivered', providerMessageId: null }
}

const isHttpUrl = (s: string) => {
  try {
    const u = new URL(s)
    return u.protocol === 'http:' || u.protocol === 'https:'
  } catch {
    return false
  }
}

export function wecomChannel(settings: RobotSettings): ChannelAdapter {
  return {
    channel: 'wecom',
    concurrency: settings.concurrency,
    ratePerSecond: settings.ratePerSecond,
    async send(m) {
      if (!isHttpUrl(m.address)) return { outcome: 'failed', error: `invalid webhook ${m.address}` }
      return resultOf(await postJson(m.address, { msgtype: 'markdown', markdown: { content: wecomMarkdown(m.warning, m.ackUrl) } }, { timeoutMs: settings.timeoutMs }))
    },
  }
}

/** `sign` of DingTalk's 加签: Base64(HMAC-SHA256(secret, timestamp + "\n" + secret)). */
export function dingtalkSign(secret: string, timestamp: number): string {
  return crypto.createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64')
}

/** The URL to post to: the secret removed from the fragment, timestamp and sign added when signing. */
export function dingtalkUrl(webhook: string, defaultSecret: string | undefined, now = Date.now()): string {
  const url = new URL(webhook)
  const secret = url.hash.length > 1 ? decodeURIComponent(url.hash.slice(1)) : defaultSecret
  url.hash = ''
  if (secret) {
    url.searchParams.set('timestamp', String(now))
    url.searchParams.set('sign', dingtalkSign(secret, now))
  }
  return url.toString()
}

export function dingtalkChannel(settings: RobotSettings & { secret?: string | undefined }): ChannelAdapter {
  return {
    channel: 'dingtalk',
    concurrency: settings.concurrency,
    ratePerSecond: settings.ratePerSecond,
    async send(m) {
      if (!isHttpUrl(m.address)) return { outcome: 'failed', error: `invalid webhook ${m.address.replace(/#.*/, '#…')}` }
      const body = { msgtype: 'markdown', markdown: dingtalkMarkdown(m.warning, m.ackUrl) }
      return resultOf(await postJson(dingtalkUrl(m.address, settings.secret), body, { timeoutMs: settings.timeoutMs }))
    },
  }
}
