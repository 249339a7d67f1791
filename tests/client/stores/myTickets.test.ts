import { http as mswHttp, HttpResponse } from 'msw'
import { server } from '../../../mock/node'
import { takeTicket } from '@/api/queue'
import { useSessionStore } from '@/stores/session'
import { refreshHeldTickets, useMyTicketsStore } from '@/stores/myTickets'

const API = 'http://banshi.test/api/v1'

describe('my tickets', () => {
  beforeEach(async () => {
    await useSessionStore.getState().signInWithSms('13812345678', '123456')
    useMyTicketsStore.setState({ tickets: [] })
  })

  it('finds a number taken on another phone, and forgets one that has ended there', async () => {
    const taken = await takeTicket('lh-district', 'A', 'other-phone-1')
    useMyTicketsStore.setState({ tickets: [{ id: 'ended-elsewhere', number: 'B009', hallId: 'lh-guanhu', hallName: '观湖', day: '2026-11-25' }] })
    await refreshHeldTickets()
    expect(useMyTicketsStore.getState().tickets).toEqual([
      expect.objectContaining({ id: taken.id, number: taken.number, hallId: 'lh-district' }),
    ])
  })

  it('keeps what the device remembers when the server cannot be reached', async () => {
    const remembered = { id: 't1', number: 'A001', hallId: 'lh-district', hallName: '龙华区政务服务中心', day: '2026-11-25' }
    useMyTicketsStore.setState({ tickets: [remembered] })
    server.use(mswHttp.get(`${API}/me/tickets`, () => HttpResponse.error()))
    await refreshHeldTickets()
    expect(useMyTicketsStore.getState().tickets).toEqual([remembered])
  })
})
