import { parseCsv } from '../../../server/residents/csv'
import { checkRegister } from '../../../server/residents/register'
import { syntheticIdNumber, syntheticResidents } from '../../../server/residents/demoResidents'
import { checkIdNumber } from '@/domain/identity'
import { ageOn, eligibleItems } from '@/domain/eligibility'

const TODAY = '2026-11-25'
const context = { gridIds: new Set(['g1', 'g2']), itemCodes: new Set(['020200020000']), today: TODAY }
const ID_A = syntheticIdNumber('1946-12-10', 1, 'female')
const ID_B = syntheticIdNumber('1960-03-03', 2, 'male')

describe('CSV', () => {
  it('reads quotes, doubled quotes, line breaks inside quotes, CRLF and a BOM, keeping each row’s first line', () => {
    const rows = parseCsv('\ufeff姓名,住址\r\n"王,五","幸福路""1""号"\r\n"李\n四",和平街\n\n赵六,x')
    expect(rows).toEqual([
      { line: 1, fields: ['姓名', '住址'] },
      { line: 2, fields: ['王,五', '幸福路"1"号'] },
      { line: 3, fields: ['李\n四', '和平街'] },
      { line: 6, fields: ['赵六', 'x'] },
    ])
  })
})

describe('register check', () => {
  it('accepts good rows in Chinese headers, mapping tag names and phones with +86', () => {
    const csv = [
      '姓名,身份证号,手机,住址,网格,标签,已享受事项,纬度,经度',
      `李秀英,${ID_A},+86 139-0000-1234,幸福路12号,g1,残疾人证;低保,020200020000,22.6,114.03`,
      `王建国,${ID_B.toLowerCase()},,和平街3号,g2,,,,`,
    ].join('\n')
    const { records, rejected } = checkRegister(csv, context)
    expect(rejected).toEqual([])
    expect(records).toEqual([
      {
        gridId: 'g1', name: '李秀英', idNumber: ID_A, birthDate: '1946-12-10', sex: 'female', phone: '13900001234',
        address: '幸福路12号', lat: 22.6, lng: 114.03, tags: ['disability_certificate', 'low_income'], coveredItems: ['020200020000'],
      },
      {
        gridId: 'g2', name: '王建国', idNumber: ID_B, birthDate: '1960-03-03', sex: 'male', phone: null,
        address: '和平街3号', lat: null, lng: null, tags: [], coveredItems: [],
      },
    ])
  })

  it('reports each bad row with its line number and reason, and keeps the good ones', () => {
    const badChecksum = `${ID_A.slice(0, 17)}${ID_A[17] === '0' ? '1' : '0'}`
    const csv = [
      'name,idNumber,phone,address,grid,tags',
      `甲,${badChecksum},,路1号,g1,`,
      `乙,${ID_A},12345,路2号,g1,`,
      `丙,${ID_A},,路3号,g9,`,
      `丁,${ID_A},,路4号,g1,会飞`,
      `戊,${ID_A},,路5号,g1,`,
      `己,${ID_A},,路6号,g2,`,
      `,${ID_B},,路7号,g1,`,
    ].join('\n')
    const { records, rejected } = checkRegister(csv, context)
    expect(records.map((record) => record.name)).toEqual(['戊'])
    expect(rejected).toEqual([
      { line: 2, reason: '身份证号:身份证号码校验位不正确,请逐位核对' },
      { line: 3, reason: '手机号不是11位手机号码' },
      { line: 4, reason: '网格“g9”不存在' },
      { line: 5, reason: '标签“会飞”无法识别' },
      { line: 7, reason: '身份证号与第 6 行重复' },
      { line: 8, reason: '姓名为空或超过40个字' },
    ])
  })

  it('rejects a file without the needed columns as a whole', () => {
    expect(checkRegister('姓名,手机\n王五,13900001234', context)).toEqual({
      records: [],
      rejected: [{ line: 1, reason: '表头缺少列:身份证号、住址、网格' }],
    })
  })
})

describe('synthetic demo residents', () => {
  const grids = [
    { id: 'g1', name: '松元厦社区第一网格', lat: 22.6, lng: 114.0 },
    { id: 'g2', name: '鹭湖社区第二网格', lat: 22.7, lng: 114.1 },
  ]
  const residents = syntheticResidents(grids, TODAY, 10)

  it('have ID numbers that pass the checksum, match the birth date and sex, and are all different', () => {
    for (const resident of residents) {
      const check = checkIdNumber(resident.idNumber, TODAY)
      expect(check).toEqual({ ok: true, idNumber: resident.idNumber, birthDate: resident.birthDate, sex: resident.sex })
    }
    expect(new Set(residents.map((resident) => resident.idNumber)).size).toBe(residents.length)
  })

  it('include, in every grid, someone turning 60 and someone turning 80 this month', () => {
    for (const grid of grids) {
      const mine = residents.filter((resident) => resident.gridId === grid.id)
      const turningThisMonth = (age: number) =>
        mine.some((resident) => resident.birthDate.slice(5, 7) === '11' && Number(resident.birthDate.slice(0, 4)) === 2026 - age)
      expect(turningThisMonth(60)).toBe(true)
      expect(turningThisMonth(80)).toBe(true)
      expect(mine.some((resident) => eligibleItems(resident, TODAY).length > 0)).toBe(true)
    }
    expect(residents.some((resident) => ageOn(resident.birthDate, TODAY) < 60)).toBe(true)
  })

  it('are the same on every run', () => {
    expect(syntheticResidents(grids, TODAY, 10)).toEqual(residents)
  })
})
