import { spawn, type ChildProcess } from 'node:child_process'
import net from 'node:net'
import { performance } from 'node:perf_hooks'

/** A port nobody listens on right now. */
export async function freePort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as net.AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

export interface StartedProcess {
  /** Milliseconds from spawn until the readiness check passed. */
  ms: number
  child: ChildProcess
  output(): string
}

/**
 * Spawns `command args` and waits until `ready(output)` resolves true (polled every 25 ms),
 * failing with the process output when it exits first or `timeoutMs` passes.
 */
export async function spawnUntilReady(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; ready: (output: string) => Promise<boolean> | boolean; timeoutMs?: number },
): Promise<StartedProcess> {
  const t0 = performance.now()
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => { output += chunk.toString() })
  child.stderr?.on('data', (chunk: Buffer) => { output += chunk.toString() })
  let exited: number | null | undefined
  child.once('exit', (code) => { exited = code })
  const deadline = t0 + (options.timeoutMs ?? 180_000)
  for (;;) {
    if (await options.ready(output)) return { ms: performance.now() - t0, child, output: () => output }
    if (exited !== undefined) throw new Error(`${command} ${args.join(' ')} exited (${exited}) before it was ready:\n${output}`)
    if (performance.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`${command} ${args.join(' ')} was not ready within ${options.timeoutMs ?? 180_000} ms:\n${output}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}

/** SIGTERM, then waits for the exit (SIGKILL after 30 s) so the data folder is released. */
export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000)
  await exited
  clearTimeout(timer)
}

/** True once `GET url` answers 200 (connection refused and other errors count as not yet). */
export async function answers200(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(2_000) })
    await res.arrayBuffer()
    return res.status === 200
  } catch {
    return false
  }
}
