import { act, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { useLanguageStore } from '@/stores/language'
import userEvent from '@testing-library/user-event'
import { setRouterParams } from '../../support/taro'
import ProgressLookup from '@/pages/progress/index'
import { FIXTURE_LAST4, FIXTURE_NO, FINISHED_NO } from '../../../mock/fixtures/applications'
import { formatApplicationNo } from '@/domain/applicationNo'

describe('progress lookup page (办件进度查询)', () => {
  it('finds an application by number and the last four phone digits, and says exactly what is missing', async () => {
    const user = userEvent.setup()
    render(<ProgressLookup />)
    await user.type(screen.getByRole('textbox', { name: '办件编号' }), formatApplicationNo(FIXTURE_NO).toLowerCase())
    await user.type(screen.getByRole('textbox', { name: '手机号后四位' }), FIXTURE_LAST4)
    await user.click(screen.getByRole('button', { name: '查询' }))
    expect(await screen.findByRole('heading', { level: 1, name: '居住证申领' })).toBeInTheDocument()
    expect(screen.getAllByText('需补正材料').length).toBeGreaterThan(0)
    expect(screen.getByRole('alert')).toHaveTextContent('居住登记凭证')
    expect(screen.getByText('承诺办结日:2026-12-04')).toBeInTheDocument()
    expect(screen.getByText('距承诺办结还有 7 个工作日')).toBeInTheDocument()
    expect(screen.getByText('提交时间:2026-11-20 09:30')).toBeInTheDocument()
    expect(screen.getByText('说明:复印件不清晰')).toBeInTheDocument()
  })

  it('checks the number and the digits on the device before asking', async () => {
    const user = userEvent.setup()
    render(<ProgressLookup />)
    await user.type(screen.getByRole('textbox', { name: '办件编号' }), '20261120K7QM3XW9PA0')
    await user.type(screen.getByRole('textbox', { name: '手机号后四位' }), '12')
    await user.click(screen.getByRole('button', { name: '查询' }))
    expect(screen.getByText('办件编号是 19 位数字和字母,请核对')).toBeInTheDocument()
    expect(screen.getByText('请输入手机号的后 4 位数字')).toBeInTheDocument()
  })

  it('gives one answer for a wrong phone, without saying which of the two was wrong', async () => {
    const user = userEvent.setup()
    render(<ProgressLookup />)
    await user.type(screen.getByRole('textbox', { name: '办件编号' }), FIXTURE_NO)
    await user.type(screen.getByRole('textbox', { name: '手机号后四位' }), '0000')
    await user.click(screen.getByRole('button', { name: '查询' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('没有找到这个办件,请核对办件编号和手机号后四位')
  })

  it('looks up at once when opened with both in the link, and shows the result of a finished case', async () => {
    setRouterParams({ no: FINISHED_NO, phoneLast4: FIXTURE_LAST4 })
    render(<ProgressLookup />)
    expect(await screen.findByText('办理结果:准予许可')).toBeInTheDocument()
    expect(screen.getByText('已按期办结')).toBeInTheDocument()
  })

  it('reads in English: form, stage, deadline and result', async () => {
    act(() => useLanguageStore.getState().choose('en'))
    setRouterParams({ no: FINISHED_NO, phoneLast4: FIXTURE_LAST4 })
    render(<ProgressLookup />)
    expect(Taro.setNavigationBarTitle).toHaveBeenCalledWith({ title: 'Application progress' })
    expect(screen.getByRole('textbox', { name: 'Application number' })).toBeInTheDocument()
    expect(await screen.findAllByText('Result: Approved')).not.toHaveLength(0)
    expect(screen.getByText('Completed on time')).toBeInTheDocument()
    expect(screen.getByRole('list', { name: 'Progress' })).toBeInTheDocument()
  })
})
