import Taro from '@tarojs/taro'
import { useChecklistStore } from '@/stores/checklist'

const ID_CARD = '010100010000'

describe('material checklist store', () => {
  it('ticks and unticks a material for one item only', () => {
    const { toggle } = useChecklistStore.getState()
    toggle(ID_CARD, '居民户口簿')
    toggle('010300010000', '居民身份证')
    expect(useChecklistStore.getState().ticked[ID_CARD]).toEqual(['居民户口簿'])
    toggle(ID_CARD, '居民户口簿')
    expect(useChecklistStore.getState().ticked[ID_CARD]).toBeUndefined()
    expect(useChecklistStore.getState().ticked['010300010000']).toEqual(['居民身份证'])
  })

  it('keeps the ticks on the device, so they are there after the app restarts', async () => {
    useChecklistStore.getState().toggle(ID_CARD, '近期免冠彩色照片')
    const saved = Taro.getStorageSync('banshi.checklist') as string
    expect(JSON.parse(saved).state.ticked[ID_CARD]).toEqual(['近期免冠彩色照片'])

    // A fresh start: memory is empty, storage still holds the ticks.
    useChecklistStore.setState({ ticked: {} })
    Taro.setStorageSync('banshi.checklist', saved)
    await useChecklistStore.persist.rehydrate()
    expect(useChecklistStore.getState().ticked[ID_CARD]).toEqual(['近期免冠彩色照片'])
  })

  it('clears every tick of an item', () => {
    const { toggle, clear } = useChecklistStore.getState()
    toggle(ID_CARD, '居民户口簿')
    toggle(ID_CARD, '近期免冠彩色照片')
    clear(ID_CARD)
    expect(useChecklistStore.getState().ticked).toEqual({})
  })

  it('starts empty when stored data is unreadable', async () => {
    Taro.setStorageSync('banshi.checklist', '{not json')
    await useChecklistStore.persist.rehydrate()
    expect(useChecklistStore.getState().ticked).toEqual({})
  })
})
