import { createContext, useContext, type ReactNode } from 'react'

/** What registry pages need to know about the signed-in user (given by the app, not fetched). */
export interface RegistrySession {
  /** The signed-in user (a duty shift may name them, so their notifications reach them). */
  userId: string
  displayName: string
  role: string
  /** The user's jurisdiction (12-digit code): division pickers start there. */
  rootCode: string
  enterpriseId: string | null
}

/** Roles that maintain the registries (the server checks again, with the jurisdiction). */
export const writerRoles: readonly string[] = ['admin', 'duty_officer', 'department', 'township']

const SessionContext = createContext<RegistrySession | null>(null)

export function RegistrySessionProvider({ session, children }: { session: RegistrySession; children: ReactNode }) {
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>
}

export function useRegistrySession(): RegistrySession {
  const session = useContext(SessionContext)
  if (!session) throw new Error('useRegistrySession outside RegistrySessionProvider')
  return session
}

/** Whether the user may create, edit and delete rows; enterprise users only where `enterprises` says so. */
export function useCanWrite(options: { enterprises?: boolean } = {}): boolean {
  const { role } = useRegistrySession()
  return writerRoles.includes(role) || (options.enterprises === true && role === 'enterprise')
}
