import { useEffect, useRef } from 'react'
import type { Profile } from '@/domain/contract'
import { useSessionStore } from '@/stores/session'

/**
 * Fills a form once from the signed-in person's profile (我的), when it arrives: later edits by the person are
 * never overwritten by a profile that loads late.
 */
export function useProfilePrefill(fill: (profile: Profile) => void): void {
  const profile = useSessionStore((state) => state.profile.data)
  const loadProfile = useSessionStore((state) => state.loadProfile)
  const filled = useRef(false)
  useEffect(() => {
    void loadProfile()
  }, [loadProfile])
  useEffect(() => {
    if (!filled.current && profile) {
      filled.current = true
      fill(profile)
    }
    // `fill` is a new function each render; only the profile's arrival matters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [profile])
}
