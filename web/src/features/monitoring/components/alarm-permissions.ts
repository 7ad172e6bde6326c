/** Roles that may acknowledge, clear and close alarms (the server checks the jurisdiction again). */
export const alarmHandlerRoles: readonly string[] = ['admin', 'duty_officer', 'commander', 'township']

/** Roles that hear the live alarm notification in the header. */
export const alarmWatcherRoles: readonly string[] = ['admin', 'duty_officer', 'commander']

/** Roles that may register devices and edit their settings and rule overrides. */
export const deviceWriterRoles: readonly string[] = ['admin', 'duty_officer', 'commander', 'department']
