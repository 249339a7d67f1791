// Ticket states as plain data: pages and stores import these, never the contract's schemas (TypeBox would then ship
// to every phone in the first-load bundle).
export const TICKET_STATUSES = ['waiting', 'called', 'serving', 'done', 'skipped', 'cancelled'] as const
export const ACTIVE_TICKET_STATUSES = ['waiting', 'called', 'serving'] as const
export const TICKET_SOURCES = ['app', 'kiosk', 'appointment', 'integration'] as const
