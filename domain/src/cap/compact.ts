/** The object without its undefined properties, so a parsed alert compares equal to the one built. */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T
}
