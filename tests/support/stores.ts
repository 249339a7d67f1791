// Every zustand store starts each test from its initial state (zustand's testing guide).
import { useBrowseStore } from '@/stores/browse'
import { useChecklistStore } from '@/stores/checklist'
import { useGuidesStore } from '@/stores/guides'
import { useItemListsStore } from '@/stores/itemLists'
import { useRecentSearchesStore } from '@/stores/recentSearches'
import { useSessionStore } from '@/stores/session'
import { useDisplayModeStore } from '@/stores/displayMode'
import { useLanguageStore } from '@/stores/language'
import { setCurrentLanguage } from '@/i18n'
import { useApplicationsStore } from '@/stores/applications'
import { useGridStore } from '@/stores/grid'
import { useMyTicketsStore } from '@/stores/myTickets'
import { useWindowChoiceStore } from '@/packages/staff/queue/windowChoice'
import { useAppointmentsStore } from '@/stores/appointments'
import { useNotificationsStore } from '@/stores/notifications'

interface ResettableStore {
  getState(): object
  setState(state: object, replace: true): void
}

const stores = [useBrowseStore, useChecklistStore, useGuidesStore, useItemListsStore, useRecentSearchesStore, useSessionStore, useDisplayModeStore, useLanguageStore, useApplicationsStore, useGridStore, useMyTicketsStore, useWindowChoiceStore, useAppointmentsStore, useNotificationsStore] as unknown as ResettableStore[]
const initialStates = stores.map((store) => store.getState())

export function resetStores(): void {
  stores.forEach((store, index) => store.setState(initialStates[index], true))
  setCurrentLanguage('zh')
}
