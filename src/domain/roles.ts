// Who can sign in. Kept apart from the schemas so client code can use the list without pulling in TypeBox.
export const ROLES = ['citizen', 'grid_worker', 'window_staff', 'admin'] as const
export type Role = (typeof ROLES)[number]
export type StaffRole = Exclude<Role, 'citizen'>
export const STAFF_ROLES: readonly StaffRole[] = ['grid_worker', 'window_staff', 'admin']
