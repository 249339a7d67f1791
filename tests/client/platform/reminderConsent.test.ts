// The mini-program's consent: WeChat's subscribe prompt from the tap, then the answers reported per template.
import Taro from '@tarojs/taro'
import { http, HttpResponse } from 'msw'
import { server } from '../../../mock/node'
import { fixtureNotificationConfig, mockNotifications } from '../../../mock/handlers/notifications'
import { cachedNotificationConfig, forgetNotificationConfig, loadNotificationConfig } from '@/api/notifications'
import { useSessionStore } from '@/stores/session'

const weapp = jest.requireActual('@/platform/reminderConsent.ts') as typeof import('@/platform/reminderConsent')
const prompt = Taro.requestSubscribeMessage as unknown as jest.Mock
const API = 'http://banshi.test/api/v1'
const { queue, appointment, application } = fixtureNotificationConfig.wechatTemplates as Record<string, string>

beforeEach(async () => {
  await useSessionStore.getState().signInWithSms('13812345678', '123456')
  await loadNotificationConfig()
})
afterEach(() => prompt.mockReset())

describe('asking for WeChat subscribe messages', () => {
  it('opens the prompt within the tap and reports accepts and refusals per template', async () => {
    prompt.mockResolvedValueOnce({ errMsg: 'requestSubscribeMessage:ok', [appointment]: 'accept', [queue]: 'reject' })
    const asked = weapp.askForReminders(['appointment', 'queue'])
    // Before anything is awaited: WeChat shows the prompt only from the tap itself.
    expect(prompt).toHaveBeenCalledWith(expect.objectContaining({ tmplIds: [appointment, queue] }))
    await expect(asked).resolves.toEqual({ outcome: 'subscribed' })
    expect(mockNotifications().grantPosts).toEqual([{ grants: [{ template: 'appointment', result: 'accept' }, { template: 'queue', result: 'reject' }] }])
    expect(mockNotifications().grants).toEqual({ queue: 0, appointment: 1, application: 0 })
  })

  it('says declined when every template was refused, and leaves out templates WeChat filtered', async () => {
    prompt.mockResolvedValueOnce({ errMsg: 'requestSubscribeMessage:ok', [application]: 'reject', [queue]: 'filter' })
    await expect(weapp.askForReminders(['application', 'queue'])).resolves.toEqual({ outcome: 'declined' })
    expect(mockNotifications().grantPosts).toEqual([{ grants: [{ template: 'application', result: 'reject' }] }])
  })

  it('asks for at most three templates, each once', async () => {
    prompt.mockResolvedValueOnce({ errMsg: 'requestSubscribeMessage:ok', [queue]: 'accept', [appointment]: 'accept', [application]: 'accept' })
    await weapp.askForReminders(['queue', 'queue', 'appointment', 'application'])
    expect(prompt.mock.calls[0][0].tmplIds).toEqual([queue, appointment, application])
  })

  it('skips templates that are not configured and asks nothing when none is', async () => {
    server.use(http.get(`${API}/notifications/config`, () => HttpResponse.json({ ...fixtureNotificationConfig, wechatTemplates: { queue: null, appointment: 'tmpl-a', application: null } })))
    forgetNotificationConfig()
    await loadNotificationConfig()
    await expect(weapp.askForReminders(['queue', 'application'])).resolves.toEqual({ outcome: 'unavailable' })
    expect(prompt).not.toHaveBeenCalled()
    expect(mockNotifications().grantPosts).toEqual([])
  })

  it('is quiet when subscription messages are switched off or not supported, and posts nothing', async () => {
    prompt.mockRejectedValueOnce({ errMsg: 'requestSubscribeMessage:fail main switch is off', errCode: 20004 })
    await expect(weapp.askForReminders(['queue'])).resolves.toEqual({ outcome: 'blocked' })
    prompt.mockRejectedValueOnce({ errMsg: 'requestSubscribeMessage:fail api is not supported', errCode: 10005 })
    await expect(weapp.askForReminders(['queue'])).resolves.toEqual({ outcome: 'unavailable' })
    expect(mockNotifications().grantPosts).toEqual([])
  })

  it('never throws, even when the prompt itself does', async () => {
    prompt.mockImplementationOnce(() => {
      throw new Error('requestSubscribeMessage is not a function here')
    })
    await expect(weapp.askForReminders(['queue'])).resolves.toEqual({ outcome: 'unavailable' })
  })

  it('stays quiet when the answers cannot be reported (offline)', async () => {
    server.use(http.post(`${API}/me/notification-grants`, () => HttpResponse.error()))
    prompt.mockResolvedValueOnce({ errMsg: 'requestSubscribeMessage:ok', [queue]: 'accept' })
    await expect(weapp.askForReminders(['queue'])).resolves.toEqual({ outcome: 'subscribed' })
  })
})

describe('before the config has arrived', () => {
  it('asks nothing on the first tap and has the template ids ready for the next', async () => {
    forgetNotificationConfig()
    await expect(weapp.askForReminders(['queue'])).resolves.toEqual({ outcome: 'unavailable' })
    expect(prompt).not.toHaveBeenCalled()
    await loadNotificationConfig()
    expect(cachedNotificationConfig()).toEqual(fixtureNotificationConfig)
  })
})
