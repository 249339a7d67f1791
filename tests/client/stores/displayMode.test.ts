import Taro from '@tarojs/taro'
import { useDisplayModeStore } from '@/stores/displayMode'

describe('display mode (长辈版)', () => {
  it('starts in the standard mode and offers 长辈版', () => {
    expect(useDisplayModeStore.getState()).toMatchObject({ elderly: false, decided: false })
  })

  it('switches on by itself when the phone uses large text, and says it was automatic', () => {
    useDisplayModeStore.getState().followSystemTextSize({ fontSizePx: 23.8 })
    expect(useDisplayModeStore.getState()).toMatchObject({ elderly: true, automatic: true, decided: false })
  })

  it('never overrides a choice the person made', () => {
    useDisplayModeStore.getState().setElderly(false)
    useDisplayModeStore.getState().followSystemTextSize({ fontSizePx: 23.8 })
    expect(useDisplayModeStore.getState().elderly).toBe(false)
  })

  it('stays off for ordinary text sizes', () => {
    useDisplayModeStore.getState().followSystemTextSize({ fontSizePx: 17 })
    expect(useDisplayModeStore.getState().elderly).toBe(false)
  })

  it('is remembered on the device', () => {
    useDisplayModeStore.getState().setElderly(true)
    const stored = JSON.stringify(Taro.getStorageSync('banshi.displayMode'))
    expect(stored).toContain('\\"elderly\\":true')
  })
})
