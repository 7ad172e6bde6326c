/** The signed-in user as `GET /api/auth/me` returns it. */
export interface Me {
  id: string
  username: string
  displayName: string
  role: string
  roleName: { zh: string; en: string }
  /** The division subtree this user may see (12-digit code). */
  jurisdiction: { code: string; name: string }
  enterpriseId: string | null
  mustChangePassword: boolean
}
