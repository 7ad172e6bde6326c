/** Who may do what in the UI (the server checks again, with the jurisdiction). */
export const authorRoles: readonly string[] = ['admin', 'duty_officer', 'commander', 'department', 'township']
export const approverRoles: readonly string[] = ['admin', 'commander']
/** A commander may issue a red warning alone in an emergency (audited). */
export const emergencyRoles: readonly string[] = ['commander']
export const subscriberWriterRoles: readonly string[] = ['admin', 'duty_officer', 'township']
/** Who sees a warning's recipients and delivery report (the server scopes townships to their own). */
export const deliveryReaderRoles: readonly string[] = ['admin', 'duty_officer', 'commander', 'department', 'township', 'village']
