/**
 * The event bus. Every arrow in the architecture's flow is an event on it. This in-process
 * implementation serves one node; a networked one (NATS JetStream) implements the same
 * interface at province scale. Events that must not be lost go through the outbox
 * (outbox.ts), which publishes here after commit.
 */
export interface DomainEvent<T = unknown> {
  /** Unique id: consumers use it to stay idempotent under at-least-once delivery. */
  id: string
  topic: string
  payload: T
  occurredAt: string
}

export type EventHandler = (event: DomainEvent) => Promise<void> | void

export interface EventBus {
  publish(event: DomainEvent): Promise<void>
  /** `topic` may end in `.*` to match a prefix, or be `*` for everything. Returns an unsubscribe function. */
  subscribe(topic: string, handler: EventHandler): () => void
}

const matches = (pattern: string, topic: string) =>
  pattern === '*' || pattern === topic || (pattern.endsWith('.*') && topic.startsWith(pattern.slice(0, -1)))

export function createInProcessBus(): EventBus {
  const subscriptions = new Set<{ pattern: string; handler: EventHandler }>()
  return {
    async publish(event) {
      // Handlers run in turn; a failing handler fails the publish so the outbox retries it.
      for (const s of [...subscriptions]) {
        if (matches(s.pattern, event.topic)) await s.handler(event)
      }
    },
    subscribe(pattern, handler) {
      const s = { pattern, handler }
      subscriptions.add(s)
      return () => subscriptions.delete(s)
    },
  }
}
