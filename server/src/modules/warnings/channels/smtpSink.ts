/**
 * An SMTP sink on loopback (the simulated gateway's mail server): it accepts every message and
 * keeps nothing but a count. The smallest command set a client needs (RFC 5321 §4.5.1:
 * EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT); no AUTH, no STARTTLS, no PIPELINING, so
 * nodemailer talks to it one command at a time.
 */
import net from 'node:net'
import type { AddressInfo } from 'node:net'

export interface SmtpSink {
  /** smtp://127.0.0.1:<port> */
  url: string
  /** Messages accepted (a 250 after DATA). */
  accepted: number
  close(): Promise<void>
}

export async function startSmtpSink(onMessage?: (recipients: string[]) => void): Promise<SmtpSink> {
  const sockets = new Set<net.Socket>()
  const sink: SmtpSink = {
    url: '', accepted: 0,
    close: () => new Promise((resolve) => {
      for (const s of sockets) s.destroy()
      server.close(() => resolve())
    }),
  }
  const server = net.createServer((socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    socket.on('error', () => socket.destroy())
    socket.setEncoding('utf8')
    let buffer = ''
    let inData = false
    let recipients: string[] = []
    const reply = (line: string) => socket.write(`${line}\r\n`)
    reply('220 yingji-simulated-smtp ESMTP')
    socket.on('data', (chunk: string) => {
      buffer += chunk
      let end: number
      while ((end = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, end)
        buffer = buffer.slice(end + 2)
        if (inData) {
          if (line !== '.') continue
          inData = false
          sink.accepted++
          onMessage?.(recipients)
          recipients = []
          reply(`250 OK queued as sim-${sink.accepted}`)
          continue
        }
        const verb = line.slice(0, 4).toUpperCase()
        if (verb === 'EHLO') socket.write('250-yingji-simulated-smtp\r\n250 8BITMIME\r\n')
        else if (verb === 'HELO' || verb === 'MAIL' || verb === 'NOOP') reply('250 OK')
        else if (verb === 'RSET') { recipients = []; reply('250 OK') }
        else if (verb === 'RCPT') { recipients.push(line.replace(/^RCPT TO:\s*<?([^>]*)>?.*$/i, '$1')); reply('250 OK') }
        else if (verb === 'DATA') { inData = true; reply('354 End data with <CR><LF>.<CR><LF>') }
        else if (verb === 'QUIT') { reply('221 Bye'); socket.end() }
        else reply('502 Command not implemented')
      }
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  sink.url = `smtp://127.0.0.1:${(server.address() as AddressInfo).port}`
  return sink
}
