// Reminders are asked for at the moments that matter (taking a number, booking, applying), from the tap itself,
// and the action goes on whatever the answer, even when asking fails outright.
import { act, render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import Taro from '@tarojs/taro'
import { mockNotifications } from '../../../mock/handlers/notifications'
import { mockAppointments } from '../../../mock/handlers/appointments'
import { setRouterParams } from '../../support/taro'
import { installFakeBrowserPush, removeFakeBrowserPush, type FakeBrowser } from '../../support/fakeBrowserPush'
import { loadNotificationConfig } from '@/api/notifications'
import { dropThisBrowserPush } from '@/platform/reminderConsent'
import * as platformPhotos from '@/platform/photos'
import HallPage from '@/pages/hall/index'
import BookPage from '@/packages/booking/book/index'
import ApplyPage from '@/packages/apply/form/index'
import { useSessionStore } from '@/stores/session'
import { fixTheClock, VALID_ID } from './booking/support'

jest.setTimeout(30_000)

let browser: FakeBrowser
const failingPrompt = () => {
  throw new Error('the permission prompt broke')
}

beforeEach(async () => {
  browser = installFakeBrowserPush()
  await loadNotificationConfig()
  await act(() => useSessionStore.getState().signInWithSms('13812345678', '123456'))
})
afterEach(async () => {
  await dropThisBrowserPush()
  removeFakeBrowserPush()
  jest.useRealTimers()
})

describe('taking a number', () => {
  it('asks for reminders and takes the number', async () => {
    const user = userEvent.setup()
    setRouterParams({ id: 'lh-district' })
    render(<HallPage />)
    await user.click(await screen.findByRole('button', { name: '取号:综合受理' }))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/ticket/index?id=lh-district-A10' })
    expect(browser.requestPermission).toHaveBeenCalledTimes(1)
    await waitFor(() => expect(mockNotifications().subscriptions.size).toBe(1))
  })

  it('takes the number when asking fails', async () => {
    const user = userEvent.setup()
    browser.answer = failingPrompt
    setRouterParams({ id: 'lh-district' })
    render(<HallPage />)
    await user.click(await screen.findByRole('button', { name: '取号:综合受理' }))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/ticket/index?id=lh-district-A10' })
    expect(browser.requestPermission).toHaveBeenCalledTimes(1)
  })
})

describe('booking', () => {
  it('books when asking fails', async () => {
    fixTheClock()
    const user = userEvent.setup()
    browser.answer = failingPrompt
    setRouterParams({ item: '010100010000' })
    render(<BookPage />)
    await user.click(await screen.findByRole('button', { name: /龙华区行政服务大厅/ }))
    await user.click(await screen.findByRole('button', { name: /明天 11月26日 周四,余21个/ }))
    await user.click(await screen.findByRole('button', { name: /^09:00–09:30/ }))
    await user.click(screen.getByRole('button', { name: '下一步:填写预约人信息' }))
    await user.type(screen.getByRole('textbox', { name: '姓名' }), '张三')
    await user.type(screen.getByRole('textbox', { name: '身份证号' }), VALID_ID)
    await user.click(screen.getByRole('button', { name: '下一步:核对预约' }))
    await user.click(await screen.findByRole('checkbox', { name: '我同意提交身份证号等个人信息用于预约' }))
    await user.click(screen.getByRole('button', { name: '确认预约' }))
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalled())
    expect(mockAppointments().at(-1)?.name).toBe('张三')
    expect(browser.requestPermission).toHaveBeenCalledTimes(1)
  })
})

describe('applying online', () => {
  it('submits when asking fails', async () => {
    jest.spyOn(platformPhotos, 'pickPhoto').mockResolvedValue({ path: 'blob:original', size: 3_200_000 })
    jest.spyOn(platformPhotos, 'compressPhoto').mockResolvedValue({ path: 'blob:small', size: 420_000 })
    let uploads = 0
    jest.spyOn(platformPhotos, 'sendPhoto').mockImplementation(async () => ({ status: 201, body: { id: `upload-${(uploads += 1)}`, size: 420_000, mime: 'image/jpeg' } }))
    const user = userEvent.setup()
    browser.answer = failingPrompt
    setRouterParams({ code: '010300010000' })
    render(<ApplyPage />)
    await user.type(await screen.findByRole('textbox', { name: '姓名' }), '李四')
    await user.type(screen.getByRole('textbox', { name: '身份证号' }), VALID_ID)
    await user.click(screen.getAllByRole('button', { name: '拍照' })[0])
    await screen.findByText('已上传(410 KB)')
    await user.click(screen.getAllByRole('button', { name: '从相册选' })[1])
    expect(await screen.findAllByText('已上传(410 KB)')).toHaveLength(2)
    await user.click(screen.getByRole('button', { name: '下一步:核对信息' }))
    await user.click(screen.getByRole('checkbox', { name: '我同意提交身份证号等个人信息用于办理本事项' }))
    await user.click(screen.getByRole('button', { name: '确认提交' }))
    expect(await screen.findByRole('heading', { name: '申请已提交' })).toBeInTheDocument()
    expect(browser.requestPermission).toHaveBeenCalledTimes(1)
  })
})
