import { queryOptions, useQuery } from '@tanstack/react-query'
import { apiGet } from '../../../lib/api-client.ts'
import type { IngestLag } from './types.ts'

export const getLag = () => apiGet<IngestLag>('/api/monitoring/lag')

export const lagOptions = () => queryOptions({ queryKey: ['monitoring', 'lag'] as const, queryFn: getLag })

/** The ingest pipeline's lag now (the stream's `lag` events keep it fresh afterwards). */
export const useLag = () => useQuery(lagOptions())
