import { act, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import StaffApplications from '@/packages/staff/applications/index'
import { useSessionStore } from '@/stores/session'
import { useLanguageStore } from '@/stores/language'
import { FIXTURE_NO, FINISHED_NO } from '../../../mock/fixtures/applications'

const signInAsStaff = () => act(() => useSessionStore.getState().signInAsStaff('window1', 'banshi-demo'))

// Whole user flows with many keystrokes: room for a busy shared machine.
jest.setTimeout(20_000)

describe('staff application console (办件受理)', () => {
  it('is for window staff only', () => {
    render(<StaffApplications />)
    expect(screen.getByText('请用窗口工作人员账号登录')).toBeInTheDocument()
  })

  it('finds an application, records the supplement received, then the decision with its outcome', async () => {
    const user = userEvent.setup()
    await signInAsStaff()
    render(<StaffApplications />)
    await user.type(screen.getByRole('textbox', { name: '办件编号' }), FIXTURE_NO)
    await user.click(screen.getByRole('button', { name: '查找' }))
    expect(await screen.findByText('身份证号:440308199003071234')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: '补正材料已收到' }))
    await user.click(await screen.findByRole('button', { name: '开始审查' }))
    await user.click(await screen.findByRole('button', { name: '记录决定' }))
    await user.click(screen.getByRole('button', { name: '未选 不予许可' }))
    await user.type(screen.getByRole('textbox', { name: '说明(选填,申请人可见)' }), '不符合申领条件')
    await user.click(screen.getByRole('button', { name: '确认记录决定' }))
    expect(await screen.findByText('办理结果:不予许可')).toBeInTheDocument()
    expect(screen.getByText('说明:不符合申领条件')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: '办结' })).toBeInTheDocument()
  })

  it('records delivery by express, asking for the tracking number first', async () => {
    const user = userEvent.setup()
    await signInAsStaff()
    render(<StaffApplications />)
    await user.type(screen.getByRole('textbox', { name: '办件编号' }), FINISHED_NO)
    await user.click(screen.getByRole('button', { name: '查找' }))
    await user.click(await screen.findByRole('button', { name: '记录送达 / 领取' }))
    await user.click(screen.getByRole('button', { name: '未选 邮寄送达' }))
    await user.click(screen.getByRole('button', { name: '确认记录送达 / 领取' }))
    expect(screen.getByText('请填写快递单号')).toBeInTheDocument()
    await user.type(screen.getByRole('textbox', { name: '快递单号' }), 'EA123456789CN')
    await user.click(screen.getByRole('button', { name: '确认记录送达 / 领取' }))
    expect(await screen.findAllByText('已邮寄:EMS EA123456789CN')).toHaveLength(2)
    expect(screen.getByText('办件已送达,流程结束。')).toBeInTheDocument()
  })

  it('checks the number before asking', async () => {
    const user = userEvent.setup()
    await signInAsStaff()
    render(<StaffApplications />)
    await user.type(screen.getByRole('textbox', { name: '办件编号' }), '123')
    await user.click(screen.getByRole('button', { name: '查找' }))
    expect(screen.getByText('办件编号不正确,请核对')).toBeInTheDocument()
  })

  it('reads in English for staff who chose it', async () => {
    const user = userEvent.setup()
    act(() => useLanguageStore.getState().choose('en'))
    await signInAsStaff()
    render(<StaffApplications />)
    await user.type(screen.getByRole('textbox', { name: 'Application number' }), FIXTURE_NO)
    await user.click(screen.getByRole('button', { name: 'Find' }))
    expect(await screen.findByText('ID card number: 440308199003071234')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Missing documents received' })).toBeInTheDocument()
    expect(screen.getByRole('heading', { name: 'Documents' })).toBeInTheDocument()
  })
})
