import 'fake-indexeddb/auto'
import { act, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http } from 'msw'
import Taro from '@tarojs/taro'
import { server } from '../../../mock/node'
import { errorResponse } from '../../../mock/handlers/errors'
import { setRouterParams } from '../../support/taro'
import { RESIDENT_ID } from '../../../mock/fixtures/grid'
import GridHome from '@/packages/grid/home/index'
import GridResident from '@/packages/grid/resident/index'
import GridApply from '@/packages/grid/apply/index'
import GridOutbox from '@/packages/grid/outbox/index'
import { useSessionStore } from '@/stores/session'
import { doorOutbox } from '@/stores/doorOutboxInstance'
import type { LocalPhoto } from '@/platform/photos'
import * as platformPhotos from '@/platform/photos'
import { draftStorage, StorageFullError } from '@/platform/draftStorage'

const API = 'http://banshi.test/api/v1'
const signInAsGridWorker = () => act(() => useSessionStore.getState().signInAsStaff('grid1', 'banshi-demo'))

// The camera answers as a phone would; the photo's bytes go to the phone's own storage (IndexedDB here).
const PHOTO: LocalPhoto = { path: 'blob:photo', size: 5, blob: new Blob(['photo'], { type: 'image/jpeg' }) }
jest.spyOn(platformPhotos, 'pickPhoto').mockResolvedValue(PHOTO)
jest.spyOn(platformPhotos, 'compressPhoto').mockResolvedValue(PHOTO)
const sendPhoto = jest.spyOn(platformPhotos, 'sendPhoto')

beforeEach(async () => {
  sendPhoto.mockImplementation(async () => ({ status: 201, body: { id: `upload-${Math.random()}`, size: 5, mime: 'image/jpeg' } }))
  for (const draft of doorOutbox.getState().drafts) await doorOutbox.getState().discard(draft.id)
})

jest.setTimeout(20_000)

describe('grid worker home', () => {
  it('is for grid workers only', () => {
    render(<GridHome />)
    expect(screen.getByText('这里是网格员的工作页面')).toBeInTheDocument()
  })

  it('lists who qualifies with the reason, longest waiting first, and opens a resident', async () => {
    await signInAsGridWorker()
    render(<GridHome />)
    expect(await screen.findByText('白石龙社区第一网格')).toBeInTheDocument()
    const rows = screen.getAllByRole('link')
    expect(within(rows[0]).getByText('王桂兰')).toBeInTheDocument()
    expect(within(rows[0]).getByText('已满80周岁(3月1日)')).toBeInTheDocument()
    expect(within(rows[1]).getByText('12月10日满80周岁')).toBeInTheDocument()
    await userEvent.setup().click(rows[1])
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/packages/grid/resident/index?id=${RESIDENT_ID}` })
  })

  it('shows an error with retry when the list cannot be loaded', async () => {
    await signInAsGridWorker()
    server.use(http.get(`${API}/grid/residents`, () => errorResponse(503, 'SERVICE_UNAVAILABLE')))
    render(<GridHome />)
    expect(await screen.findByRole('alert', {}, { timeout: 4000 })).toHaveTextContent('服务暂时不可用')
  })
})

describe('resident page', () => {
  it('shows where and how to reach the resident, and records a visit that takes them off the list', async () => {
    const user = userEvent.setup()
    await signInAsGridWorker()
    setRouterParams({ id: RESIDENT_ID })
    render(<GridResident />)
    expect(await screen.findByRole('heading', { name: '李秀英' })).toBeInTheDocument()
    expect(screen.getByText('身份证号:4403**********8164')).toBeInTheDocument()
    expect(screen.getByRole('link', { name: '给李秀英打电话 13900001234' })).toHaveAttribute('href', 'tel:13900001234')
    expect(screen.getByRole('button', { name: '提前准备申请' })).toBeInTheDocument()

    await user.click(screen.getByRole('button', { name: '保存走访记录' }))
    expect(screen.getByRole('alert')).toHaveTextContent('请先选择这次走访的结果')
    await user.click(screen.getByRole('radio', { name: '不在家' }))
    expect(screen.getByRole('radio', { name: '不在家' })).toHaveAttribute('aria-checked', 'true')
    await user.type(screen.getByRole('textbox', { name: '备注' }), '下周二再来')
    await user.click(screen.getByRole('button', { name: '保存走访记录' }))
    expect(await screen.findByText('下周二再来')).toBeInTheDocument()
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '走访记录已保存' }))
  })

  it('says the resident is not found (another grid) with a way back', async () => {
    await signInAsGridWorker()
    setRouterParams({ id: 'someone-else' })
    render(<GridResident />)
    expect(await screen.findByText(/没有找到这位居民/)).toBeInTheDocument()
    expect(screen.getByRole('button', { name: '返回居民名单' })).toBeInTheDocument()
  })
})

describe('applying at the door', () => {
  it('prefills from the register, insists on photos and consent, then submits through the outbox', async () => {
    const user = userEvent.setup()
    await signInAsGridWorker()
    setRouterParams({ resident: RESIDENT_ID, item: '020200010000' })
    render(<GridApply />)
    expect(await screen.findByText('申请人:李秀英(4403**********8164)')).toBeInTheDocument()

    await user.click(screen.getByRole('button', { name: '下一步:核对' }))
    const problems = screen.getAllByRole('alert').map((alert) => alert.textContent).join('')
    expect(problems).toContain('还没有拍:居民身份证')
    expect(problems).toContain('还没有居民签名或授权书照片')
    expect(problems).toContain('请勾选确认居民本人已同意代办')

    await user.click(screen.getByRole('button', { name: '拍照' }))
    expect(await screen.findByText('已拍好并保存在手机上(1 KB)')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: '拍纸质授权书' }))
    await user.click(screen.getByRole('button', { name: '拍摄签好字的授权书' }))
    expect(await screen.findByText('签名已保存')).toBeInTheDocument()
    await user.click(screen.getByRole('checkbox', { name: '我确认居民本人已同意代办' }))
    // Not 80 until 12月10日: the reason for applying early goes with it.
    await user.type(screen.getByRole('textbox', { name: '提前申请的原因' }), '下月满80周岁')
    await user.click(screen.getByRole('button', { name: '下一步:核对' }))
    expect(screen.getByText('提前申请原因:下月满80周岁')).toBeInTheDocument()

    let submitted: Record<string, unknown> | null = null
    server.use(
      http.post(`${API}/applications`, async ({ request }) => {
        submitted = (await request.clone().json()) as Record<string, unknown>
        expect(request.headers.get('idempotency-key')).toBe(doorOutbox.getState().drafts[0].id)
        return undefined
      }),
    )
    await user.click(screen.getByRole('button', { name: '提交申请' }))
    expect(await screen.findByText('申请已提交')).toBeInTheDocument()
    expect(submitted).toMatchObject({
      itemCode: '020200010000',
      residentId: RESIDENT_ID,
      applicant: { name: '李秀英', idNumber: '440309194612108164' },
      materialNames: ['居民身份证'],
      consent: { sensitive: true, attestation: true },
      eligibilityOverride: { reason: '下月满80周岁' },
    })
    expect(sendPhoto).toHaveBeenCalledTimes(2)
  })

  it('says the phone is out of space when a photo cannot be kept, and keeps the draft', async () => {
    const user = userEvent.setup()
    await signInAsGridWorker()
    setRouterParams({ resident: RESIDENT_ID, item: '020200010000' })
    const keep = jest.spyOn(draftStorage, 'keepPhoto').mockRejectedValueOnce(new StorageFullError())
    render(<GridApply />)
    await user.click(await screen.findByRole('button', { name: '拍照' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('手机存储空间不足,照片没有保存成功;草稿还在,请清理手机空间后重拍。')
    expect(doorOutbox.getState().drafts).toHaveLength(1)
    expect(doorOutbox.getState().drafts[0]).toMatchObject({ status: 'editing', photos: [] })
    // With space freed, the same button keeps the photo.
    await user.click(screen.getByRole('button', { name: '拍照' }))
    expect(await screen.findByText('已拍好并保存在手机上(1 KB)')).toBeInTheDocument()
    keep.mockRestore()
  })

  it('keeps the application on the phone when there is no network, and the outbox sends it later', async () => {
    const user = userEvent.setup()
    await signInAsGridWorker()
    setRouterParams({ resident: 'r-wang-guilan', item: '020200010000' })
    sendPhoto.mockResolvedValue({ status: 0, body: null })
    render(<GridApply />)
    await user.click(await screen.findByRole('button', { name: '拍照' }))
    await screen.findByText('已拍好并保存在手机上(1 KB)')
    await user.click(screen.getByRole('button', { name: '拍纸质授权书' }))
    await user.click(screen.getByRole('button', { name: '拍摄签好字的授权书' }))
    await screen.findByText('签名已保存')
    await user.click(screen.getByRole('checkbox', { name: '我确认居民本人已同意代办' }))
    await user.click(screen.getByRole('button', { name: '下一步:核对' }))
    await user.click(screen.getByRole('button', { name: '提交申请' }))
    expect(await screen.findByText(/已保存在手机上,有信号时自动发送|正在发送/)).toBeInTheDocument()
    const mine = () => doorOutbox.getState().drafts.find((draft) => draft.residentId === 'r-wang-guilan')
    expect(mine()).toMatchObject({ status: 'queued', lastError: { code: 'NETWORK_ERROR' } })

    // Signal is back; on the outbox screen the worker presses 现在发送.
    sendPhoto.mockImplementation(async () => ({ status: 201, body: { id: `upload-${Math.random()}`, size: 5, mime: 'image/jpeg' } }))
    render(<GridOutbox />)
    await user.click(await screen.findByRole('button', { name: '现在发送' }))
    expect((await screen.findAllByText(/办件编号:/)).length).toBeGreaterThan(0)
    expect(mine()?.status).toBe('submitted')
  })
})
