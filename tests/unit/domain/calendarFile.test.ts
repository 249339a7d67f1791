import { calendarFile, escapeText, foldLine } from '@/domain/calendarFile'

const utf8Length = (line: string) => Buffer.byteLength(line, 'utf8')

const event = {
  uid: 'apt-42@banshi',
  title: '预约:居民身份证申领',
  location: '龙华区行政服务大厅, 梅龙大道; 1-3楼',
  description: '预约码 A7K3M9\n请带:居民户口簿、照片回执',
  startsAt: '2026-11-26T01:30:00.000Z',
  endsAt: '2026-11-26T02:00:00.000Z',
  now: new Date('2026-11-25T03:04:05.000Z'),
}

describe('calendar file (.ics)', () => {
  it('writes the start and end in Asia/Shanghai wall-clock time with the zone defined', () => {
    const text = calendarFile(event)
    expect(text).toContain('DTSTART;TZID=Asia/Shanghai:20261126T093000\r\n')
    expect(text).toContain('DTEND;TZID=Asia/Shanghai:20261126T100000\r\n')
    expect(text).toContain('TZID:Asia/Shanghai\r\n')
    expect(text).toContain('TZOFFSETTO:+0800\r\n')
    expect(text).toContain('DTSTAMP:20261125T030405Z\r\n')
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true)
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true)
    // Every line break is CRLF: no bare LF anywhere.
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
  })

  it('escapes commas, semicolons, backslashes and line breaks in text', () => {
    expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne')
    const unfolded = calendarFile(event).replace(/\r\n /g, '')
    expect(unfolded).toContain('LOCATION:龙华区行政服务大厅\\, 梅龙大道\\; 1-3楼\r\n')
    expect(unfolded).toContain('DESCRIPTION:预约码 A7K3M9\\n请带:居民户口簿、照片回执\r\n')
  })

  it('folds lines at 75 octets without splitting a Chinese character', () => {
    const long = `DESCRIPTION:${'请带齐材料'.repeat(12)}`
    const folded = foldLine(long)
    const lines = folded.split('\r\n')
    expect(lines.length).toBeGreaterThan(1)
    for (const line of lines) expect(utf8Length(line)).toBeLessThanOrEqual(75)
    lines.slice(1).forEach((line) => expect(line.startsWith(' ')).toBe(true))
    expect(lines.map((line, i) => (i === 0 ? line : line.slice(1))).join('')).toBe(long)
    expect(folded).not.toContain('\uFFFD')
    for (const line of calendarFile({ ...event, description: long }).split('\r\n')) expect(utf8Length(line)).toBeLessThanOrEqual(75)
  })

  it('leaves short lines alone', () => {
    expect(foldLine('SUMMARY:short')).toBe('SUMMARY:short')
  })
})
