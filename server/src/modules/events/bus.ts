/**
 * The event bus. Every arrow in the architecture's flow is an event on it. This in-process
 * implementation serves one node; at province scale a networked one (NATS JetStream, subjects =
 * topics, a durable consumer per subscription) implements the same interface, and nothing else
 * changes. Events that must not be lost go through the outbox (outbox.ts), which publishes here
 * after commit.
 *
 * `publish` resolves once the event is safely handed on: here, when every matching handler has
 * finished; with JetStream, when the stream has stored it (handler retries then belong to
 * JetStream). Either way delivery is at least once, so handlers must be idempotent
 * (consumeOnce in consumer.ts).
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
      // Handlers run in turn, each even when an earlier one failed; any failure fails the
      // publish so the outbox retries the event (and the handlers that succeeded see it again).
      const errors: unknown[] = []
      for (const s of [...subscriptions]) {
        if (!matches(s.pattern, event.topic)) continue
        try {
          await s.handler(event)
        } catch (error) {
          errors.push(error)
        }
      }
      if (errors.length === 1) throw errors[0]
      if (errors.length > 1) throw new AggregateError(errors, `${errors.length} handlers failed for ${event.topic}`)
    },
    subscribe(pattern, handler) {
      const s = { pattern, handler }
      subscriptions.add(s)
      return () => subscriptions.delete(s)
    },
  }
}
