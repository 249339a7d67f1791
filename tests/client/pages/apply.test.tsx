import { act, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import Taro from '@tarojs/taro'
import { server } from '../../../mock/node'
import { errorResponse } from '../../../mock/handlers/errors'
import { setRouterParams } from '../../support/taro'
import ApplyPage from '@/packages/apply/form/index'
import { useSessionStore } from '@/stores/session'
import { useDisplayModeStore } from '@/stores/displayMode'
import { useLanguageStore } from '@/stores/language'
import type { LocalPhoto } from '@/platform/photos'

import * as platformPhotos from '@/platform/photos'

// The device's camera, compression and uploader are the platform's; here they answer as a phone would.
const photos = {
  pickPhoto: jest.spyOn(platformPhotos, 'pickPhoto'),
  compressPhoto: jest.spyOn(platformPhotos, 'compressPhoto'),
  sendPhoto: jest.spyOn(platformPhotos, 'sendPhoto'),
}

const API = 'http://banshi.test/api/v1'
const ORIGINAL: LocalPhoto = { path: 'blob:original', size: 3_200_000 }
const COMPRESSED: LocalPhoto = { path: 'blob:small', size: 420_000, width: 1600, height: 1200 }
let sent = 0

beforeEach(() => {
  sent = 0
  photos.pickPhoto.mockResolvedValue(ORIGINAL)
  photos.compressPhoto.mockResolvedValue(COMPRESSED)
  photos.sendPhoto.mockImplementation(async (_url, headers, _photo, onProgress) => {
    onProgress(0.5)
    sent += 1
    expect(headers['Accept-Language']).toBe('zh-CN')
    return headers.Authorization ? { status: 201, body: { id: `upload-${sent}`, size: 420_000, mime: 'image/jpeg' } } : { status: 401, body: null }
  })
})

async function openAsCitizen(code = '010300010000') {
  await act(() => useSessionStore.getState().signInWithSms('13812345678', '123456'))
  setRouterParams({ code })
  return render(<ApplyPage />)
}

// Whole user flows with many keystrokes: room for a busy shared machine.
jest.setTimeout(20_000)


/** The form filled in as a citizen would, photos taken, and consent ticked on the review step. */
async function fillInUpToConsent(user: ReturnType<typeof userEvent.setup>) {
  await screen.findByDisplayValue('13812345678')
  await user.type(screen.getByRole('textbox', { name: '姓名' }), '李四')
  await user.type(screen.getByRole('textbox', { name: '身份证号' }), '11010519491231002X')
  for (const button of screen.getAllByRole('button', { name: '拍照' })) await user.click(button)
  await screen.findAllByText('已上传(410 KB)')
  await user.click(screen.getByRole('button', { name: '下一步:核对信息' }))
  await user.click(screen.getByRole('checkbox', { name: '我同意提交身份证号等个人信息用于办理本事项' }))
}

describe('online application (在线申请)', () => {
  it('prefills the applicant, uploads each material compressed, reviews and submits once', async () => {
    const user = userEvent.setup()
    const keys: string[] = []
    server.events.on('request:start', ({ request }) => {
      if (request.method === 'POST' && request.url.endsWith('/applications')) keys.push(request.headers.get('idempotency-key') ?? '')
    })
    await openAsCitizen()
    expect(await screen.findByRole('heading', { level: 1, name: '居住证申领' })).toBeInTheDocument()
    expect(await screen.findByDisplayValue('13812345678')).toBeInTheDocument()
    await user.type(screen.getByRole('textbox', { name: '姓名' }), '李四')
    await user.type(screen.getByRole('textbox', { name: '身份证号' }), '11010519491231002X')

    // Without the required photos, the next step says which are missing.
    await user.click(screen.getByRole('button', { name: '下一步:核对信息' }))
    expect(screen.getByText('还需上传:居民身份证、居住登记凭证')).toBeInTheDocument()

    const cameraButtons = screen.getAllByRole('button', { name: '拍照' })
    await user.click(cameraButtons[0])
    expect(await screen.findByText('已上传(410 KB)')).toBeInTheDocument()
    expect(photos.pickPhoto).toHaveBeenCalledWith('camera')
    expect(photos.compressPhoto).toHaveBeenCalledWith(ORIGINAL)
    expect(photos.sendPhoto.mock.calls[0][2]).toBe(COMPRESSED)
    await user.click(screen.getAllByRole('button', { name: '从相册选' })[1])
    expect(photos.pickPhoto).toHaveBeenLastCalledWith('album')
    expect(await screen.findAllByText('已上传(410 KB)')).toHaveLength(2)

    await user.click(screen.getByRole('button', { name: '下一步:核对信息' }))
    expect(screen.getByRole('heading', { name: '核对申请信息' })).toBeInTheDocument()
    expect(screen.getByText('身份证号:1101**********002X')).toBeInTheDocument()
    expect(screen.getByText('材料:居民身份证、居住登记凭证')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: '确认提交' }))
    expect(screen.getByText('请先阅读并勾选同意')).toBeInTheDocument()

    // The first attempt fails on the way; the retry carries the same Idempotency-Key.
    server.use(http.post(`${API}/applications`, () => HttpResponse.error(), { once: true }))
    await user.click(screen.getByRole('checkbox', { name: '我同意提交身份证号等个人信息用于办理本事项' }))
    await user.click(screen.getByRole('button', { name: '确认提交' }))
    await user.click(await screen.findByRole('button', { name: '重新提交' }))
    expect(await screen.findByRole('heading', { name: '申请已提交' })).toBeInTheDocument()
    expect(keys).toHaveLength(2)
    expect(keys[0]).toBe(keys[1])
    expect(keys[0]).not.toBe('')
    await user.click(screen.getByRole('button', { name: '查看办理进度' }))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: expect.stringMatching(/^\/packages\/apply\/detail\/index\?no=20261125/) })
  })

  it('shows a failed upload with its reason and retries the same compressed photo', async () => {
    const user = userEvent.setup()
    photos.sendPhoto.mockResolvedValueOnce({ status: 413, body: { error: { code: 'UPLOAD_TOO_LARGE', message: '图片太大了,请压缩后或重新拍照再上传' } } })
    await openAsCitizen()
    await user.click((await screen.findAllByRole('button', { name: '拍照' }))[0])
    expect(await screen.findByText('图片太大了,请压缩后或重新拍照再上传')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: '重试上传' }))
    expect(await screen.findByText('已上传(410 KB)')).toBeInTheDocument()
    expect(photos.compressPhoto).toHaveBeenCalledTimes(1)
    expect(photos.sendPhoto).toHaveBeenCalledTimes(2)
  })

  it('sends nobody to a form for an item handled at the window only', async () => {
    await openAsCitizen('010100010000')
    expect(await screen.findByText('这个事项需要到大厅窗口办理')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: '拍照' })).not.toBeInTheDocument()
  })

  it('asks to sign in first', async () => {
    setRouterParams({ code: '010300010000' })
    render(<ApplyPage />)
    expect(screen.getByText('登录后在线申请')).toBeInTheDocument()
  })

  it('shows the server refusing the submission (NOT_ONLINE) in its words', async () => {
    const user = userEvent.setup()
    server.use(http.post(`${API}/applications`, () => errorResponse(409, 'NOT_ONLINE')))
    await openAsCitizen()
    await fillInUpToConsent(user)
    await user.click(screen.getByRole('button', { name: '确认提交' }))
    expect(await screen.findByText('这个事项需要到大厅窗口办理,不能网上申请;请查看办事指南后前往大厅')).toBeInTheDocument()
  })

  it('in 长辈版 asks once more before submitting, and sends nothing on 取消', async () => {
    const user = userEvent.setup()
    const submissions: string[] = []
    server.events.on('request:start', ({ request }) => {
      if (request.method === 'POST' && request.url.endsWith('/applications')) submissions.push(request.url)
    })
    act(() => useDisplayModeStore.getState().setElderly(true))
    await openAsCitizen()
    await fillInUpToConsent(user)

    jest.mocked(Taro.showModal).mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'ok' })
    await user.click(screen.getByRole('button', { name: '确认提交' }))
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '提交申请', content: expect.stringContaining('提交后不能撤回') }))
    expect(screen.getByRole('heading', { name: '核对申请信息' })).toBeInTheDocument()
    expect(submissions).toHaveLength(0)

    await user.click(screen.getByRole('button', { name: '确认提交' }))
    expect(await screen.findByRole('heading', { name: '申请已提交' })).toBeInTheDocument()
    expect(submissions).toHaveLength(1)
  })

  it('reads in English, field errors included', async () => {
    const user = userEvent.setup()
    act(() => useLanguageStore.getState().choose('en'))
    await openAsCitizen()
    await screen.findByDisplayValue('13812345678')
    expect(Taro.setNavigationBarTitle).toHaveBeenCalledWith({ title: 'Apply online' })
    expect(screen.getByRole('heading', { name: 'Applicant' })).toBeInTheDocument()
    await user.type(screen.getByRole('textbox', { name: 'ID card number' }), '110105194912310021')
    await user.click(screen.getByRole('button', { name: 'Next: check the details' }))
    expect(screen.getByText("Please enter the applicant's name")).toBeInTheDocument()
    expect(screen.getByText(/check digit/i)).toBeInTheDocument()
    expect(screen.getByText('Some applicant details are wrong. Please correct them as shown.')).toBeInTheDocument()
    expect(screen.getAllByRole('button', { name: 'Take a photo' }).length).toBeGreaterThan(0)
  })
})
