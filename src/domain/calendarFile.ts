// An iCalendar file (RFC 5545) with one event, for "add to calendar" in browsers: the phone's calendar app opens
// it. Times are written in Asia/Shanghai with its time-zone definition, so the event shows at the hall's time on
// a phone set to any zone. Pure text building: no platform code.

export interface CalendarEvent {
  /** Stable per appointment, so adding it again updates the event instead of duplicating it. */
  uid: string
  title: string
  location: string
  description: string
  startsAt: string
  endsAt: string
  /** When the file was made (DTSTAMP). */
  now: Date
  url?: string
}

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000
const MAX_LINE_OCTETS = 75

/** 20261126T093000: wall-clock time in China, for DTSTART;TZID=Asia/Shanghai. */
function shanghaiStamp(iso: string): string {
  return new Date(Date.parse(iso) + SHANGHAI_OFFSET_MS).toISOString().slice(0, 19).replace(/[-:]/g, '')
}

function utcStamp(instant: Date): string {
  return `${instant.toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`
}

/** TEXT values: backslash, semicolon and comma are escaped, line breaks become \n. */
export function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n')
}

function utf8Length(char: string): number {
  const code = char.codePointAt(0)!
  return code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4
}

/**
 * Lines longer than 75 octets are folded: CRLF and a space before the rest. Octets of UTF-8, not characters (a
 * Chinese character is three), and never inside a character, or calendar apps show broken text.
 */
export function foldLine(line: string): string {
  const parts: string[] = []
  let current = ''
  let octets = 0
  for (const char of Array.from(line)) {
    const size = utf8Length(char)
    // Continuation lines start with a space, which counts toward their 75.
    const limit = parts.length === 0 ? MAX_LINE_OCTETS : MAX_LINE_OCTETS - 1
    if (octets + size > limit) {
      parts.push(current)
      current = ''
      octets = 0
    }
    current += char
    octets += size
  }
  parts.push(current)
  return parts.join('\r\n ')
}

/** The whole .ics text, CRLF line ends as the standard requires. */
export function calendarFile(event: CalendarEvent): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Banshi//Appointments//ZH',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VTIMEZONE',
    'TZID:Asia/Shanghai',
    'BEGIN:STANDARD',
    'DTSTART:19700101T000000',
    'TZOFFSETFROM:+0800',
    'TZOFFSETTO:+0800',
    'TZNAME:CST',
    'END:STANDARD',
    'END:VTIMEZONE',
    'BEGIN:VEVENT',
    `UID:${escapeText(event.uid)}`,
    `DTSTAMP:${utcStamp(event.now)}`,
    `DTSTART;TZID=Asia/Shanghai:${shanghaiStamp(event.startsAt)}`,
    `DTEND;TZID=Asia/Shanghai:${shanghaiStamp(event.endsAt)}`,
    `SUMMARY:${escapeText(event.title)}`,
    `LOCATION:${escapeText(event.location)}`,
    `DESCRIPTION:${escapeText(event.description)}`,
    ...(event.url ? [`URL:${event.url}`] : []),
    // A reminder an hour before: enough time to get to the hall.
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    `DESCRIPTION:${escapeText(event.title)}`,
    'TRIGGER:-PT1H',
    'END:VALARM',
    'END:VEVENT',
    'END:VCALENDAR',
  ]
  return `${lines.map(foldLine).join('\r\n')}\r\n`
}
