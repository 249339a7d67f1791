import { act, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import Taro from '@tarojs/taro'
import { server } from '../../../mock/node'
import SearchPage from '@/pages/search/index'
import Me from '@/pages/me/index'
import { useLanguageStore } from '@/stores/language'
import { currentLanguage, languageReady } from '@/i18n'
import { searchItems } from '@/api/catalog'

const API = 'http://banshi.test/api/v1'

describe('English interface', () => {
  it('follows an English phone unless the person picked a language', () => {
    act(() => useLanguageStore.getState().followSystemLocale('en-US'))
    expect(currentLanguage()).toBe('en')
    act(() => useLanguageStore.getState().choose('zh'))
    expect(currentLanguage()).toBe('zh')
    act(() => useLanguageStore.getState().followSystemLocale('en-US'))
    expect(currentLanguage()).toBe('zh')
  })

  it('redraws a page in English when switched in 我的, page title included', async () => {
    const user = userEvent.setup()
    render(<Me />)
    await user.click(screen.getByRole('button', { name: 'English' }))
    expect(currentLanguage()).toBe('en')
    expect(await screen.findByText('Service guides are published in Chinese.')).toBeInTheDocument()
    expect(screen.getByRole('switch', { name: 'Large mode: bigger text and buttons' })).toBeInTheDocument()
  })

  it('shows the search page in English once the English sentences have arrived', async () => {
    await act(async () => {
      useLanguageStore.getState().choose('en')
      await languageReady()
    })
    render(<SearchPage />)
    expect(screen.getByText(/Type what you need to do/)).toBeInTheDocument()
    expect(screen.getByRole('heading', { name: 'Most used' })).toBeInTheDocument()
    expect(Taro.setNavigationBarTitle).toHaveBeenCalledWith({ title: 'Search services' })
    expect(await screen.findAllByText('At most one visit')).not.toHaveLength(0)
  })

  it('asks the server for messages in the chosen language', async () => {
    const languages: Array<string | null> = []
    server.use(
      http.get(`${API}/items`, ({ request }) => {
        languages.push(request.headers.get('accept-language'))
        return HttpResponse.json({ total: 0, items: [] })
      }),
    )
    await searchItems({})
    act(() => useLanguageStore.getState().choose('en'))
    await searchItems({})
    expect(languages).toEqual(['zh-CN', 'en'])
  })
})
