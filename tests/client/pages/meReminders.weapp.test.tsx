// 我的 → 提醒 in the mini-program: WeChat grants left per kind, and 多订阅几次提醒 asking for all three at once.
import { act, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import Taro from '@tarojs/taro'
import { fixtureNotificationConfig } from '../../../mock/handlers/notifications'
import { loadNotificationConfig } from '@/api/notifications'
import Me from '@/pages/me/index'
import { useSessionStore } from '@/stores/session'

jest.mock('@/platform/reminderConsent', () => jest.requireActual('@/platform/reminderConsent.ts'))

const prompt = Taro.requestSubscribeMessage as unknown as jest.Mock
afterEach(() => prompt.mockReset())

it('shows the grants left and asks WeChat for more of each', async () => {
  const user = userEvent.setup()
  const { queue, appointment, application } = fixtureNotificationConfig.wechatTemplates as Record<string, string>
  prompt.mockResolvedValueOnce({ errMsg: 'requestSubscribeMessage:ok', [queue]: 'accept', [appointment]: 'accept', [application]: 'reject' })
  await loadNotificationConfig()
  await act(() => useSessionStore.getState().signInWithSms('13812345678', '123456'))
  render(<Me />)
  const section = within((await screen.findByRole('heading', { level: 2, name: '提醒' })).closest('.section') as HTMLElement)
  expect(await section.findByText('微信订阅消息:排号 0 次 · 预约 0 次 · 办件 0 次')).toBeInTheDocument()
  expect(section.getByText(/微信每同意一次,只能提醒一次/)).toBeInTheDocument()
  await user.click(section.getByRole('button', { name: '多订阅几次提醒' }))
  expect(prompt).toHaveBeenCalledWith(expect.objectContaining({ tmplIds: [queue, appointment, application] }))
  expect(await section.findByText('微信订阅消息:排号 1 次 · 预约 1 次 · 办件 0 次')).toBeInTheDocument()
  expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已开启提醒' }))
})
