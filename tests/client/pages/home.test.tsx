import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import Taro from '@tarojs/taro'
import Home from '@/pages/index/index'
import Me from '@/pages/me/index'
import { useDisplayModeStore } from '@/stores/displayMode'

describe('home page and 长辈版', () => {
  it('offers 长辈版 on first launch and switches to the simple home with a call button', async () => {
    const user = userEvent.setup()
    render(<Home />)
    expect(await screen.findByRole('heading', { name: '按主题办事' })).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: '打开长辈版' }))
    expect(screen.queryByRole('heading', { name: '按主题办事' })).not.toBeInTheDocument()
    expect(screen.getByRole('link', { name: '办事指南,办什么事,要带什么' })).toBeInTheDocument()
    expect(screen.getByRole('link', { name: /^打电话问:12345/ })).toBeInTheDocument()
    expect(screen.queryByText('觉得字太小?', { exact: false })).not.toBeInTheDocument()
    await user.click(screen.getByRole('link', { name: '办事指南,办什么事,要带什么' }))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/search/index' })
  })

  it('stops offering once the person says no', async () => {
    const user = userEvent.setup()
    render(<Home />)
    await user.click(screen.getByRole('button', { name: '不用了' }))
    expect(screen.queryByText('觉得字太小?', { exact: false })).not.toBeInTheDocument()
    expect(useDisplayModeStore.getState()).toMatchObject({ elderly: false, decided: true })
  })

  it('says when large phone text switched it on, with the way back', async () => {
    const user = userEvent.setup()
    useDisplayModeStore.getState().followSystemTextSize({ fontSizePx: 23.8 })
    render(<Home />)
    expect(screen.getByText('您的手机设置了大字,已为您打开长辈版。')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: '用标准版' }))
    expect(await screen.findByRole('heading', { name: '按主题办事' })).toBeInTheDocument()
  })

  it('has a 长辈版 switch in 我的 that states whether it is on', async () => {
    const user = userEvent.setup()
    render(<Me />)
    const modeSwitch = screen.getByRole('switch', { name: '长辈版:字更大、按钮更大' })
    expect(modeSwitch).toHaveAttribute('aria-checked', 'false')
    await user.click(modeSwitch)
    expect(modeSwitch).toHaveAttribute('aria-checked', 'true')
    expect(screen.getByText('已开启')).toBeInTheDocument()
  })
})
