import Taro from '@tarojs/taro'
import type { StateStorage } from 'zustand/middleware'

/**
 * Key-value storage on the device: wx storage in the mini-program, localStorage in H5 (Taro maps both).
 * Failures (quota, private mode) must not break the page: the app then simply forgets between visits.
 */
export const deviceStorage: StateStorage = {
  getItem(key) {
    try {
      const value: unknown = Taro.getStorageSync(key)
      return typeof value === 'string' && value !== '' ? value : null
    } catch {
      return null
    }
  },
  setItem(key, value) {
    try {
      Taro.setStorageSync(key, value)
    } catch {
      // Out of space or storage disabled: keep working in memory.
    }
  },
  removeItem(key) {
    try {
      Taro.removeStorageSync(key)
    } catch {
      // Nothing stored to remove.
    }
  },
}
