/**
 * What every module's route schemas share in the OpenAPI document: the security schemes a
 * route accepts (declared in app.ts) and the error body of the root error handler.
 */
import { Type, type TSchema } from '@fastify/type-provider-typebox'

/** One of a list of string keys, as an OpenAPI string enum. */
export const KeyEnum = <K extends string>(keys: readonly K[], description?: string) => Type.Unsafe<K>({ type: 'string', enum: [...keys], ...(description ? { description } : {}) })

/** A value or null (an empty optional column). */
export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()])

/** A logged-in session or an API key. */
export const security: { [scheme: string]: string[] }[] = [{ session: [] }, { apiKey: [] }]

/** `{error: {code, message, messageEn, field?, details?}}` (http/errorHandler.ts). */
export const ErrorSchema = Type.Object({
  error: Type.Object({
    code: Type.String(), message: Type.String(), messageEn: Type.String(),
    field: Type.Optional(Type.String()), details: Type.Optional(Type.Unknown()),
  }),
})
