import { queryOptions, useQuery } from '@tanstack/react-query'
import { apiGet, withQuery } from '../../../lib/api-client.ts'
import { teams } from './teams.ts'

export interface CertificateWarning {
  teamId: string
  teamName: string
  divisionCode: string
  memberId: string
  memberName: string
  phone: string | null
  certificateName: string
  number: string | null
  expiresOn: string
  daysLeft: number
  expired: boolean
}

export const getCertificateWarnings = (params: { divisionCode?: string; days?: number }) =>
  apiGet<{ days: number; items: CertificateWarning[] }>(withQuery('/api/resources/teams/certificate-warnings', params))

export const certificateWarningsQueryOptions = (params: { divisionCode?: string; days?: number }) =>
  queryOptions({ queryKey: [...teams.keys.all, 'certificate-warnings', params], queryFn: () => getCertificateWarnings(params) })

/** Certificates expired or expiring soon, across the teams in the jurisdiction. */
export const useCertificateWarnings = (params: { divisionCode?: string; days?: number }) => useQuery(certificateWarningsQueryOptions(params))
