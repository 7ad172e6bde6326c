/**
 * Who may open the pages (the server checks again, with the jurisdiction). What a user may do to
 * one warning is the server's `allowedActions` in the warning, not decided here.
 */
export const authorRoles: readonly string[] = ['admin', 'duty_officer', 'commander', 'department', 'township']
export const subscriberWriterRoles: readonly string[] = ['admin', 'duty_officer', 'township']
/** Who sees a warning's recipients and delivery report (the server scopes townships to their own). */
export const deliveryReaderRoles: readonly string[] = ['admin', 'duty_officer', 'commander', 'department', 'township', 'village']
