import { NOTICE_KINDS, type NoticeParams } from '@/domain/notices'
import { asCharacterString, renderNotice, truncateText, WECHAT_FIELD_LIMITS, WECHAT_TEMPLATE_FIELDS, wechatTime } from '@/domain/noticeText'

const FULL: NoticeParams = {
  path: 'pages/ticket/index?id=t1',
  hallName: '临海市民服务中心',
  itemName: '居民身份证换领',
  ticketNumber: 'A012',
  window: '5',
  ahead: 3,
  at: '2026-12-03T06:30:00.000Z',
  appointmentCode: 'K7Q2',
  applicationNo: 'BS20261202000123',
  materials: ['户口簿', '近期照片'],
  outcome: 'approved',
}

const LONG_HALL = '浙江省台州市临海市古城街道便民服务中心（东湖路分中心）第二办事大厅'
const EMOJI_HALL = '🏛️👨‍👩‍👧 市民之家 Citizen Home 🏛️👨‍👩‍👧‍👦 Service Centre'

function hasLoneSurrogate(text: string): boolean {
  return /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text)
}

function expectWithinWechatLimits(data: Record<string, { value: string }>, template: keyof typeof WECHAT_TEMPLATE_FIELDS) {
  const fields = WECHAT_TEMPLATE_FIELDS[template]
  expect(Object.keys(data).sort()).toEqual(fields.map((f) => f.key).sort())
  for (const field of fields) {
    const { value } = data[field.key]
    expect(value.length).toBeGreaterThan(0)
    expect(value.length).toBeLessThanOrEqual(WECHAT_FIELD_LIMITS[field.type])
    expect(hasLoneSurrogate(value)).toBe(false)
    expect(value).not.toMatch(/\n/)
    if (field.type === 'character_string') expect(value).toMatch(/^[\x21-\x7e]+$/)
    if (field.type === 'phrase') expect(value).toMatch(/^[\u4e00-\u9fff]+$/)
    if (field.type === 'time') expect(value).toMatch(/^(\d{4}-\d{2}-\d{2} \d{2}:\d{2}|-)$/)
  }
}

describe('renderNotice', () => {
  it('tells a queue user how many are ahead and what to do, in Chinese', () => {
    const notice = renderNotice('queue_near', FULL, 'zh-CN')
    expect(notice.body).toBe('您在临海市民服务中心的号 A012 前面还有 3 人，请回到大厅等候叫号。')
    expect(notice.wechatTemplate).toBe('queue')
    expect(notice.wechatData).toEqual({
      thing1: { value: '临海市民服务中心' },
      character_string2: { value: 'A012' },
      phrase3: { value: '即将叫号' },
      thing4: { value: '前面还有3人，请回大厅等候' },
    })
    expect(notice.path).toBe('pages/ticket/index?id=t1')
  })

  it('sends a called user to the window, in English', () => {
    const notice = renderNotice('queue_called', FULL, 'en')
    expect(notice.title).toBe("It's your turn")
    expect(notice.body).toBe('临海市民服务中心 is calling number A012. Please go to window 5 now.')
    expect(notice.locale).toBe('en')
  })

  it('says 请到 5 号窗口办理 when called in Chinese', () => {
    expect(renderNotice('queue_called', FULL, 'zh-CN').body).toBe('临海市民服务中心正在叫 A012 号，请到5号窗口办理。')
  })

  it('gives appointment times in Asia/Shanghai, in the sentence and in the template', () => {
    const notice = renderNotice('appointment_tomorrow', FULL, 'zh-CN')
    expect(notice.body).toContain('12月3日 14:30')
    expect(notice.wechatData.time2.value).toBe('2026-12-03 14:30')
    expect(renderNotice('appointment_tomorrow', FULL, 'en').body).toContain('3 Dec 14:30')
  })

  it('lists the materials a supplement request needs', () => {
    expect(renderNotice('application_supplement', FULL, 'zh-CN').body).toContain('户口簿、近期照片')
    expect(renderNotice('application_supplement', FULL, 'en').body).toContain('户口簿, 近期照片')
  })

  it('tells a rejected application apart from an approved one', () => {
    expect(renderNotice('application_decided', { ...FULL, outcome: 'rejected', reason: '材料不全' }, 'zh-CN').body).toContain('未通过审批。原因：材料不全。')
    expect(renderNotice('application_decided', FULL, 'en').title).toBe('Application approved')
  })

  it.each(NOTICE_KINDS.flatMap((kind) => (['zh-CN', 'en'] as const).map((locale) => [kind, locale] as const)))(
    '%s in %s names the hall or item and keeps every WeChat field within its limit',
    (kind, locale) => {
      for (const params of [FULL, { ...FULL, hallName: LONG_HALL, itemName: LONG_HALL }, { ...FULL, hallName: EMOJI_HALL, itemName: EMOJI_HALL, ticketNumber: '号A 012🎫' }]) {
        const notice = renderNotice(kind, params, locale)
        expect(notice.title.length).toBeGreaterThan(0)
        expect(notice.body.includes(params.hallName!) || notice.body.includes(params.itemName!)).toBe(true)
        expectWithinWechatLimits(notice.wechatData, notice.wechatTemplate)
      }
    },
  )

  it('writes tips that fit a thing field whole, in both languages', () => {
    for (const kind of NOTICE_KINDS) {
      for (const locale of ['zh-CN', 'en'] as const) {
        const notice = renderNotice(kind, FULL, locale)
        const tipKey = WECHAT_TEMPLATE_FIELDS[notice.wechatTemplate].find((f) => f.key.startsWith('thing') && /[45]$/.test(f.key))!.key
        expect(`${kind} ${locale}: ${notice.wechatData[tipKey].value}`).not.toContain('…')
      }
    }
  })

  it('fills every field even when the facts are missing', () => {
    for (const kind of NOTICE_KINDS) {
      const notice = renderNotice(kind, { path: '/pages/index/index' }, 'zh-CN')
      expectWithinWechatLimits(notice.wechatData, notice.wechatTemplate)
      expect(notice.path).toBe('pages/index/index')
    }
  })
})

describe('truncateText', () => {
  it('leaves text at the limit alone and shortens one past it with an ellipsis', () => {
    const twenty = '一二三四五六七八九十一二三四五六七八九十'
    expect(truncateText(twenty, 20)).toBe(twenty)
    expect(truncateText(`${twenty}一`, 20)).toBe('一二三四五六七八九十一二三四五六七八九…')
  })

  it('never cuts an emoji in half', () => {
    const out = truncateText('办事😀😀😀😀😀😀😀😀😀😀', 7)
    expect(out).toBe('办事😀😀…')
    expect(hasLoneSurrogate(out)).toBe(false)
  })

  it('drops a joiner left dangling at the cut', () => {
    const out = truncateText('家👨‍👩‍👧‍👦庭服务中心', 6)
    expect(out.length).toBeLessThanOrEqual(6)
    expect(out).not.toMatch(/\u200d…$/)
  })

  it('collapses line breaks, which WeChat fields refuse', () => {
    expect(truncateText('市民\n服务  中心', 20)).toBe('市民 服务 中心')
  })
})

describe('field helpers', () => {
  it('keeps letters, digits and symbols only in a character_string', () => {
    expect(asCharacterString('号A-012 🎫')).toBe('A-012')
    expect(asCharacterString('X'.repeat(40))).toHaveLength(32)
  })

  it('writes times as WeChat wants them', () => {
    expect(wechatTime('2026-12-02T16:05:00Z')).toBe('2026-12-03 00:05')
    expect(wechatTime('not a time')).toBe('')
  })
})
