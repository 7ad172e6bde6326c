/**
 * Local HTTP receivers on loopback: an SMS gateway that deduplicates on the message id as a real
 * gateway does with an idempotency key, and a JSON webhook receiver (WeCom / DingTalk robots).
 * Both answer from a script of status codes. Used by tests, the bench, and the simulated
 * gateway of the demo (../delivery/simulatedGateway.ts).
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'

export interface Received {
  path: string
  query: URLSearchParams
  headers: http.IncomingHttpHeaders
  body: unknown
}

export interface LocalReceiver {
  url: string
  received: Received[]
  /** SMS gateway: messages accepted per id (1 each when nobody got two copies). */
  acceptedById: Map<string, number>
  /** SMS gateway: resends it dropped as duplicates of an id it already accepted. */
  duplicates: number
  /** Status codes to answer with, in turn (then 200). */
  script: number[]
  /** Called on every request (crash tests kill the sender from here). */
  onRequest?: (r: Received) => void
  close(): Promise<void>
}

export async function startReceiver(options: { kind: 'sms' | 'webhook'; answer?: (r: Received) => unknown; keepBodies?: boolean } = { kind: 'webhook' }): Promise<LocalReceiver> {
  const receiver: LocalReceiver = {
    url: '', received: [], acceptedById: new Map(), duplicates: 0, script: [],
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()) }),
  }
  const keep = options.keepBodies ?? true
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      let body: unknown = null
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'))
      } catch { /* not JSON */ }
      const url = new URL(req.url ?? '/', 'http://local')
      const r: Received = { path: url.pathname, query: url.searchParams, headers: req.headers, body }
      if (keep) receiver.received.push(r)
      receiver.onRequest?.(r)
      const status = receiver.script.shift() ?? 200
      if (status >= 300) {
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ error: `scripted ${status}` }))
        return
      }
      if (options.kind === 'sms') {
        const items = (body as { messages?: Array<{ id: string }> }).messages ?? [body as { id: string }]
        for (const m of items) {
          const n = receiver.acceptedById.get(m.id) ?? 0
          if (n > 0) receiver.duplicates++
          else receiver.acceptedById.set(m.id, 1)
        }
        const reply = Array.isArray((body as { messages?: unknown }).messages)
          ? { results: items.map((m) => ({ id: m.id, ok: true, messageId: `gw-${m.id}` })) }
          : { messageId: `gw-${items[0]!.id}` }
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(reply))
        return
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(options.answer?.(r) ?? { errcode: 0, errmsg: 'ok' }))
    })
  })
  server.keepAliveTimeout = 30_000
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return receiver
}
