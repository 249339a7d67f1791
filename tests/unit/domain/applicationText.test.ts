import { deadlineText, deliveryText, shanghaiDateTime, stageTone } from '@/domain/applicationText'
import { scaledSize } from '@/domain/photoSize'
import { say } from '../../support/phrase'

describe('application wording', () => {
  const base = { status: 'accepted' as const, promisedDays: 15, promisedDueDate: '2026-12-16', daysLeft: 15, daysOverdue: 0, overdue: false }

  it('says how long is left, that today is the day, or by how much it is late', () => {
    expect(say(deadlineText(base))).toBe('距承诺办结还有 15 个工作日')
    expect(say(deadlineText({ ...base, daysLeft: 0 }))).toBe('今天是承诺办结日')
    expect(say(deadlineText({ ...base, daysLeft: null, overdue: true, daysOverdue: 2 }))).toBe('已超过承诺期限 2 个工作日')
    expect(say(deadlineText({ ...base, daysLeft: null }))).toBe('已按期办结')
    expect(say(deadlineText(base), 'en')).toBe('15 working days to the promised date')
  })

  it('explains the clock before acceptance', () => {
    expect(say(deadlineText({ ...base, status: 'submitted', promisedDueDate: null, daysLeft: null }))).toBe('受理后 15 个工作日内办结')
    expect(say(deadlineText({ ...base, promisedDays: 0, promisedDueDate: null, daysLeft: null }))).toBe('即办件:受理当天办结')
  })

  it('names the pickup place or the tracking number', () => {
    expect(say(deliveryText({ method: 'pickup', place: '3 号窗口' }))).toBe('请到 3 号窗口 领取')
    expect(say(deliveryText({ method: 'express', carrier: 'EMS', trackingNo: 'EA1' }))).toBe('已邮寄:EMS EA1')
    expect(say(deliveryText({ method: 'pickup', place: '3 号窗口' }), 'en')).toBe('Collect it at 3 号窗口')
  })

  it('shows times in China and marks late or waiting-for-you states', () => {
    expect(shanghaiDateTime('2026-11-25T16:30:00.000Z')).toBe('2026-11-26 00:30')
    expect(stageTone('supplement_requested')).toBe('warning')
    expect(stageTone('reviewing', true)).toBe('danger')
    expect(stageTone('delivered')).toBe('success')
  })
})

describe('photo size before upload', () => {
  it('keeps the shape with the long edge at 1600 px, and never enlarges', () => {
    expect(scaledSize(4032, 3024, 1600)).toEqual({ width: 1600, height: 1200 })
    expect(scaledSize(3024, 4032, 1600)).toEqual({ width: 1200, height: 1600 })
    expect(scaledSize(800, 600, 1600)).toEqual({ width: 800, height: 600 })
    expect(scaledSize(20000, 10, 1600)).toEqual({ width: 1600, height: 1 })
  })
})
