import { act, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import Taro from '@tarojs/taro'
import StaffQueuePage from '@/packages/staff/queue/index'
import StaffHome from '@/packages/staff/index/index'
import { useSessionStore } from '@/stores/session'
import { useWindowChoiceStore } from '@/packages/staff/queue/windowChoice'

const API = 'http://banshi.test/api/v1'
const signInAsStaff = () => act(() => useSessionStore.getState().signInAsStaff('window1', 'banshi-demo'))

jest.setTimeout(20_000)

async function startAtWindow(no: string, untick: string[] = []) {
  const user = userEvent.setup()
  await signInAsStaff()
  const view = render(<StaffQueuePage />)
  await user.type(await screen.findByRole('textbox', { name: '窗口号' }), no)
  for (const name of untick) await user.click(screen.getByRole('checkbox', { name }))
  await user.click(screen.getByRole('button', { name: '开始叫号' }))
  await screen.findByText(`龙华区行政服务大厅 · ${no} 号窗口`)
  return { user, view }
}

const current = () => screen.getByText('当前号码').parentElement!

describe('staff desk (工作台)', () => {
  it('offers queue calling and applications to window staff', async () => {
    const user = userEvent.setup()
    await signInAsStaff()
    render(<StaffHome />)
    expect(screen.getByRole('heading', { level: 1, name: '工作台' })).toBeInTheDocument()
    await user.click(screen.getByRole('link', { name: /^排队叫号/ }))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/staff/queue/index' })
    await user.click(screen.getByRole('link', { name: /^办件受理/ }))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/staff/applications/index' })
  })

  it('is for staff only', () => {
    render(<StaffHome />)
    expect(screen.getByText('请用窗口工作人员账号登录')).toBeInTheDocument()
  })
})

describe('window console (排队叫号)', () => {
  it('is for window staff only', () => {
    render(<StaffQueuePage />)
    expect(screen.getByText('请用窗口工作人员账号登录')).toBeInTheDocument()
  })

  it('checks the window number against the hall before calling starts', async () => {
    const user = userEvent.setup()
    await signInAsStaff()
    render(<StaffQueuePage />)
    await user.type(await screen.findByRole('textbox', { name: '窗口号' }), '31')
    await user.click(screen.getByRole('button', { name: '开始叫号' }))
    expect(screen.getByRole('alert')).toHaveTextContent('请填写 1 到 30 之间的窗口号')
  })

  it('calls priority first, then in order; completes and calls the next in one press', async () => {
    const { user } = await startAtWindow('2')
    expect(within(current()).getByText('本窗口现在没有正在办理的号。')).toBeInTheDocument()
    expect(screen.getByRole('heading', { level: 2, name: '等候队列(7 人)' })).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: '叫下一位' }))
    expect(await within(current()).findByText('V001')).toBeInTheDocument()
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已叫 V001' }))
    await user.click(screen.getByRole('button', { name: '办结并叫下一位' }))
    expect(await within(current()).findByText('A004')).toBeInTheDocument()
    expect(screen.getByRole('heading', { level: 2, name: '等候队列(5 人)' })).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: '重新叫号' }))
    expect(Taro.showToast).toHaveBeenLastCalledWith(expect.objectContaining({ title: '已重新叫 A004' }))
  })

  it('closes the window after confirming, says so, and opens it again on the next call', async () => {
    const { user } = await startAtWindow('4')
    ;(Taro.showModal as jest.Mock).mockResolvedValueOnce({ confirm: true, cancel: false })
    await user.click(screen.getByRole('button', { name: '暂停本窗口' }))
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '暂停本窗口?' }))
    expect(await within(current()).findByText('本窗口已暂停。按“叫下一位”重新开始办理。')).toBeInTheDocument()
    expect(Taro.showToast).toHaveBeenLastCalledWith(expect.objectContaining({ title: '4号窗口已暂停' }))
    await user.click(screen.getByRole('button', { name: '叫下一位' }))
    expect(await within(current()).findByText('V001')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: '暂停本窗口' })).not.toBeInTheDocument()
  })

  it('skips a no-show only after confirming', async () => {
    const { user } = await startAtWindow('2')
    await user.click(screen.getByRole('button', { name: '叫下一位' }))
    await within(current()).findByText('V001')
    ;(Taro.showModal as jest.Mock).mockResolvedValueOnce({ confirm: false, cancel: true })
    await user.click(screen.getByRole('button', { name: '过号' }))
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '确认过号?', content: expect.stringContaining('V001 没有到窗口') }))
    expect(within(current()).getByText('V001')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: '过号' }))
    expect(await within(current()).findByText('本窗口现在没有正在办理的号。')).toBeInTheDocument()
    expect(Taro.showToast).toHaveBeenLastCalledWith(expect.objectContaining({ title: 'V001 已过号' }))
  })

  it('transfers the number at the window to another category', async () => {
    const { user } = await startAtWindow('2')
    await user.click(screen.getByRole('button', { name: '叫下一位' }))
    await within(current()).findByText('V001')
    await user.click(screen.getByRole('button', { name: '转到其他业务' }))
    await user.click(screen.getByRole('button', { name: '转到公安专窗' }))
    expect(await within(current()).findByText('本窗口现在没有正在办理的号。')).toBeInTheDocument()
    expect(Taro.showToast).toHaveBeenLastCalledWith(expect.objectContaining({ title: 'V001 已转到公安专窗' }))
    expect(screen.getByText(/^公安专窗:1 人等候/)).toBeInTheDocument()
  })

  it('says clearly when nobody waits for the categories the window serves', async () => {
    const { user } = await startAtWindow('3', ['A 综合受理', 'V 优先窗口(老年人/残疾人/军人)'])
    expect(screen.getByText('现在没有人等候。')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: '叫下一位' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('当前没有等候的号')
  })

  it('shows other windows’ calls live, and remembers the window next time', async () => {
    const { view } = await startAtWindow('2')
    await screen.findByText('实时更新中')
    await act(async () => {
      await fetch(`${API}/staff/halls/lh-district/windows/5/call-next`, { method: 'POST', headers: { authorization: 'Bearer mock-access-99', 'content-type': 'application/json' }, body: '{}' })
      await new Promise((resolve) => setTimeout(resolve, 50))
    })
    expect(await screen.findByRole('heading', { level: 2, name: '等候队列(6 人)' })).toBeInTheDocument()
    expect(useWindowChoiceStore.getState().choice).toEqual({ hallId: 'lh-district', windowNo: 2, categoryIds: ['A', 'B', 'V'] })
    view.unmount()
    render(<StaffQueuePage />)
    expect(await screen.findByText('龙华区行政服务大厅 · 2 号窗口')).toBeInTheDocument()
  })
})
