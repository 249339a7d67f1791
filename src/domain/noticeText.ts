// The words of every reminder sent outside the app (issue 11), in zh-CN and en, and the WeChat subscribe-message
// fields that carry them. Pure: the outbox worker renders on the server, and the same text could be shown in-app.
import { shanghaiTime } from './clockTime'
import { templateOfNotice, type NoticeKind, type NoticeParams, type WechatTemplateKey } from './notices'

export type NoticeLocale = 'zh-CN' | 'en'

/** Mirrors the server's RenderedNotice (server/modules/notify/types.ts) without importing server code here. */
export interface NoticeText {
  kind: NoticeKind
  locale: NoticeLocale
  title: string
  body: string
  path: string
  wechatTemplate: WechatTemplateKey
  wechatData: Record<string, { value: string }>
}

/** WeChat subscribe-message value types Banshi uses, with the limits WeChat enforces (errcode 47003 otherwise). */
export type WechatFieldType = 'thing' | 'phrase' | 'character_string' | 'number' | 'time'

export const WECHAT_FIELD_LIMITS: Record<WechatFieldType, number> = {
  thing: 20,
  phrase: 5,
  character_string: 32,
  number: 32,
  time: 16,
}

/** What each field of a template says; the keys must match the templates chosen in the WeChat console. */
type FieldRole = 'hall' | 'item' | 'number' | 'status' | 'tip' | 'time' | 'applicationNo'

interface TemplateField {
  key: string
  type: WechatFieldType
  role: FieldRole
}

/**
 * The three templates, in one table: the server sends exactly these keys, and whoever picks the templates in the
 * WeChat console picks ones with these keywords (排队进度 / 预约提醒 / 办件进度).
 */
export const WECHAT_TEMPLATE_FIELDS: Record<WechatTemplateKey, readonly TemplateField[]> = {
  queue: [
    { key: 'thing1', type: 'thing', role: 'hall' },
    { key: 'character_string2', type: 'character_string', role: 'number' },
    { key: 'phrase3', type: 'phrase', role: 'status' },
    { key: 'thing4', type: 'thing', role: 'tip' },
  ],
  appointment: [
    { key: 'thing1', type: 'thing', role: 'item' },
    { key: 'time2', type: 'time', role: 'time' },
    { key: 'thing3', type: 'thing', role: 'hall' },
    { key: 'phrase4', type: 'phrase', role: 'status' },
    { key: 'thing5', type: 'thing', role: 'tip' },
  ],
  application: [
    { key: 'character_string1', type: 'character_string', role: 'applicationNo' },
    { key: 'thing2', type: 'thing', role: 'item' },
    { key: 'phrase3', type: 'phrase', role: 'status' },
    { key: 'thing4', type: 'thing', role: 'tip' },
  ],
}

const ELLIPSIS = '…'

// A cut must not leave a zero-width joiner or a variation selector dangling at the end of an emoji sequence.
const DANGLING_AT_END = /[\u200d\ufe0e\ufe0f]+$/u

/**
 * Shortens to at most `limit` UTF-16 units, cutting only between code points and ending with "…". Counting UTF-16
 * units (an emoji counts 2) keeps within the limit whichever way WeChat counts.
 */
export function truncateText(text: string, limit: number): string {
  const clean = text.replace(/\s+/g, ' ').trim()
  if (clean.length <= limit) return clean
  let out = ''
  for (const char of clean) {
    if (out.length + char.length > limit - ELLIPSIS.length) break
    out += char
  }
  return `${out.replace(DANGLING_AT_END, '').trimEnd()}${ELLIPSIS}`
}

/** character_string takes letters, digits and symbols only: anything else (Chinese, emoji, spaces) is dropped. */
export function asCharacterString(text: string): string {
  return text.replace(/[^\x21-\x7e]/g, '').slice(0, WECHAT_FIELD_LIMITS.character_string)
}

/** "2026-12-02 14:30" in Asia/Shanghai, the form WeChat's time fields take. */
export function wechatTime(iso: string): string {
  const instant = new Date(iso)
  if (Number.isNaN(instant.getTime())) return ''
  const local = shanghaiTime(instant)
  return `${local.date} ${clock(local.minutes)}`
}

function clock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
}

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** A time for a sentence: "12月3日 14:30" / "3 Dec 14:30". */
function spokenTime(iso: string | undefined, locale: NoticeLocale): string {
  if (!iso) return ''
  const instant = new Date(iso)
  if (Number.isNaN(instant.getTime())) return ''
  const local = shanghaiTime(instant)
  const [, month, day] = local.date.split('-').map(Number)
  return locale === 'zh-CN' ? `${month}月${day}日 ${clock(local.minutes)}` : `${day} ${EN_MONTHS[month - 1]} ${clock(local.minutes)}`
}

interface Words {
  title: string
  body: string
  /** Short state for the phrase field: WeChat takes only Chinese characters there, so it is always zh. */
  status: string
  /** What to do next, short enough for a thing field. */
  tip: string
}

type Writer = (p: NoticeParams, locale: NoticeLocale) => Words

function names(p: NoticeParams, locale: NoticeLocale) {
  const en = locale === 'en'
  return {
    hall: p.hallName || (en ? 'the service hall' : '服务大厅'),
    item: p.itemName || (en ? 'your matter' : '事项'),
    number: p.ticketNumber || '',
    window: p.window || '',
    no: p.applicationNo || '',
    at: spokenTime(p.at, locale),
  }
}

const WRITERS: Record<NoticeKind, Writer> = {
  queue_near(p, locale) {
    const n = names(p, locale)
    const ahead = p.ahead ?? 3
    return locale === 'zh-CN'
      ? {
          title: '快到您了',
          body: `您在${n.hall}的号 ${n.number} 前面还有 ${ahead} 人，请回到大厅等候叫号。`,
          status: '即将叫号',
          tip: `前面还有${ahead}人，请回大厅等候`,
        }
      : {
          title: 'Almost your turn',
          body: `Your number ${n.number} at ${n.hall}: ${ahead} ${ahead === 1 ? 'person' : 'people'} ahead of you. Please return to the hall and wait to be called.`,
          status: '即将叫号',
          tip: `${ahead} ahead, come back`,
        }
  },
  queue_called(p, locale) {
    const n = names(p, locale)
    if (locale === 'zh-CN') {
      const where = n.window ? `${n.window}号窗口` : '叫号窗口'
      return {
        title: '轮到您了',
        body: `${n.hall}正在叫 ${n.number} 号，请到${where}办理。`,
        status: '正在叫号',
        tip: `请到${n.window ? `${n.window}号窗口` : '窗口'}办理`,
      }
    }
    const where = n.window ? `window ${n.window}` : 'the window shown on the screen'
    return {
      title: "It's your turn",
      body: `${n.hall} is calling number ${n.number}. Please go to ${where} now.`,
      status: '正在叫号',
      tip: n.window ? `Go to window ${n.window}` : 'Go to the window',
    }
  },
  appointment_tomorrow(p, locale) {
    const n = names(p, locale)
    return locale === 'zh-CN'
      ? {
          title: '明天有预约',
          body: `您预约了 ${n.at} 在${n.hall}办理${n.item}。请带好材料按时到达；去不了请在小程序里取消。`,
          status: '明日预约',
          tip: '请带好材料按时到达',
        }
      : {
          title: 'Appointment tomorrow',
          body: `You are booked for ${n.item} at ${n.hall}, ${n.at}. Bring your documents and arrive on time; if you cannot come, cancel in the app.`,
          status: '明日预约',
          tip: 'Bring your documents',
        }
  },
  appointment_soon(p, locale) {
    const n = names(p, locale)
    return locale === 'zh-CN'
      ? {
          title: '预约 1 小时后开始',
          body: `您 ${n.at} 在${n.hall}办理${n.item}的预约快到了，请动身前往，到达后在大厅签到。`,
          status: '即将开始',
          tip: '请动身前往，到达后签到',
        }
      : {
          title: 'Appointment in 1 hour',
          body: `Your appointment for ${n.item} at ${n.hall} starts at ${n.at}. Please set off now and check in when you arrive.`,
          status: '即将开始',
          tip: 'Leave now, check in',
        }
  },
  appointment_cancelled(p, locale) {
    const n = names(p, locale)
    const reason = p.reason ? (locale === 'zh-CN' ? `（${p.reason}）` : ` (${p.reason})`) : ''
    return locale === 'zh-CN'
      ? {
          title: '预约已取消',
          body: `很抱歉，大厅取消了您 ${n.at} 在${n.hall}办理${n.item}的预约${reason}。请在小程序里重新预约。`,
          status: '已取消',
          tip: '请在小程序里重新预约',
        }
      : {
          title: 'Appointment cancelled',
          body: `Sorry, the hall cancelled your appointment for ${n.item} at ${n.hall}, ${n.at}${reason}. Please book again in the app.`,
          status: '已取消',
          tip: 'Book again in app',
        }
  },
  waitlist_offer(p, locale) {
    const n = names(p, locale)
    return locale === 'zh-CN'
      ? {
          title: '候补有空位了',
          body: `${n.hall}办理${n.item}有空位了，为您保留到 ${n.at}。请在此之前打开小程序确认，过时将让给下一位。`,
          status: '待确认',
          tip: `请在${n.at}前确认`,
        }
      : {
          title: 'A place opened for you',
          body: `A place for ${n.item} at ${n.hall} is held for you until ${n.at}. Open the app to confirm before then, or it goes to the next person.`,
          status: '待确认',
          tip: 'Confirm in the app',
        }
  },
  application_supplement(p, locale) {
    const n = names(p, locale)
    const materials = (p.materials ?? []).join(locale === 'zh-CN' ? '、' : ', ')
    return locale === 'zh-CN'
      ? {
          title: '办件需要补充材料',
          body: `您的办件 ${n.no}（${n.item}）需要补充材料${materials ? `：${materials}` : ''}。请打开办件补交。`,
          status: '待补正',
          tip: '请打开办件补交材料',
        }
      : {
          title: 'More documents needed',
          body: `Your application ${n.no} (${n.item}) needs more documents${materials ? `: ${materials}` : ''}. Please open it and add them.`,
          status: '待补正',
          tip: 'Add documents in app',
        }
  },
  application_decided(p, locale) {
    const n = names(p, locale)
    const approved = p.outcome !== 'rejected'
    const reason = p.reason ? (locale === 'zh-CN' ? `原因：${p.reason}。` : ` Reason: ${p.reason}.`) : ''
    if (locale === 'zh-CN') {
      return approved
        ? { title: '办件已审批通过', body: `您的办件 ${n.no}（${n.item}）已审批通过。请查看办件了解下一步。`, status: '已通过', tip: '请查看办件了解下一步' }
        : { title: '办件未通过', body: `您的办件 ${n.no}（${n.item}）未通过审批。${reason}请查看办件了解如何重新申请。`, status: '未通过', tip: '请查看办件了解原因' }
    }
    return approved
      ? { title: 'Application approved', body: `Your application ${n.no} (${n.item}) was approved. Open it to see what comes next.`, status: '已通过', tip: 'See the next steps' }
      : { title: 'Application not approved', body: `Your application ${n.no} (${n.item}) was not approved.${reason} Open it to see how to apply again.`, status: '未通过', tip: 'Open it to see why' }
  },
  application_ready(p, locale) {
    const n = names(p, locale)
    return locale === 'zh-CN'
      ? {
          title: '办件已办结',
          body: `您的办件 ${n.no}（${n.item}）已办结。请带身份证到${n.hall}领取结果。`,
          status: '已办结',
          tip: `请带身份证到${n.hall}领取`,
        }
      : {
          title: 'Ready for pickup',
          body: `Your application ${n.no} (${n.item}) is done. Bring your ID card to ${n.hall} to collect the result.`,
          status: '已办结',
          tip: 'Bring ID to collect',
        }
  },
}

function fieldValue(field: TemplateField, params: NoticeParams, words: Words, locale: NoticeLocale): string {
  const n = names(params, locale)
  switch (field.role) {
    case 'hall':
      return truncateText(n.hall, WECHAT_FIELD_LIMITS.thing)
    case 'item':
      return truncateText(n.item, WECHAT_FIELD_LIMITS.thing)
    case 'number':
      return asCharacterString(n.number) || '-'
    case 'applicationNo':
      return asCharacterString(n.no) || '-'
    case 'status':
      return truncateText(words.status, WECHAT_FIELD_LIMITS.phrase)
    case 'tip':
      return truncateText(words.tip, WECHAT_FIELD_LIMITS.thing)
    case 'time':
      return wechatTime(params.at ?? '') || '-'
  }
}

export function renderNotice(kind: NoticeKind, params: NoticeParams, locale: NoticeLocale): NoticeText {
  const words = WRITERS[kind](params, locale)
  const template = templateOfNotice[kind]
  const wechatData: Record<string, { value: string }> = {}
  for (const field of WECHAT_TEMPLATE_FIELDS[template]) wechatData[field.key] = { value: fieldValue(field, params, words, locale) }
  return {
    kind,
    locale,
    title: words.title,
    body: words.body.replace(/\s+/g, ' ').trim(),
    path: params.path.replace(/^\/+/, ''),
    wechatTemplate: template,
    wechatData,
  }
}

/**
 * The short values of a rendered notice by what they say (hall, item, number, status, tip, time…), already within
 * limits; an SMS gateway's pre-approved template takes these as its variables.
 */
export function noticeFields(notice: Pick<NoticeText, 'wechatTemplate' | 'wechatData'>): Record<string, string> {
  const fields: Record<string, string> = {}
  for (const field of WECHAT_TEMPLATE_FIELDS[notice.wechatTemplate]) {
    const value = notice.wechatData[field.key]?.value
    if (value !== undefined) fields[field.role] = value
  }
  return fields
}
