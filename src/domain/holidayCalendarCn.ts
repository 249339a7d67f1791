// China's public holidays as the State Council announces them each year (国务院办公厅关于 YYYY 年部分节假日安排的通知):
// holiday periods, including the bridging days, and the weekend days worked in exchange (调休上班).
// Update this file when a new notice is published; a year not listed counts only weekends as days off.

export interface HolidayPeriod {
  name: string
  /** First and last day off, inclusive, YYYY-MM-DD. */
  from: string
  to: string
}

export interface HolidayYear {
  year: number
  /** Where the dates come from; `provisional` years are replaced once the official notice is out. */
  source: string
  provisional: boolean
  periods: HolidayPeriod[]
  /** Saturdays and Sundays that are working days. */
  workdays: string[]
}

export const holidayYearsCn: HolidayYear[] = [
  {
    year: 2026,
    source: '国务院办公厅关于2026年部分节假日安排的通知 (国办发明电〔2025〕7号, 2025-11-04)',
    provisional: false,
    periods: [
      { name: '元旦', from: '2026-01-01', to: '2026-01-03' },
      { name: '春节', from: '2026-02-15', to: '2026-02-23' },
      { name: '清明节', from: '2026-04-04', to: '2026-04-06' },
      { name: '劳动节', from: '2026-05-01', to: '2026-05-05' },
      { name: '端午节', from: '2026-06-19', to: '2026-06-21' },
      { name: '中秋节', from: '2026-09-25', to: '2026-09-27' },
      { name: '国庆节', from: '2026-10-01', to: '2026-10-07' },
    ],
    workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
  {
    // Not yet announced when this was written: the statutory days only (全国年节及纪念日放假办法, 2024 revision:
    // 元旦 1, 春节 4 from New Year's Eve, 清明 1, 劳动节 2, 端午 1, 中秋 1, 国庆 3), without bridging days or 调休.
    year: 2027,
    source: 'statutory days under 全国年节及纪念日放假办法 (2024); replace with the 2027 notice when published',
    provisional: true,
    periods: [
      { name: '元旦', from: '2027-01-01', to: '2027-01-01' },
      { name: '春节', from: '2027-02-05', to: '2027-02-08' },
      { name: '清明节', from: '2027-04-05', to: '2027-04-05' },
      { name: '劳动节', from: '2027-05-01', to: '2027-05-02' },
      { name: '端午节', from: '2027-06-09', to: '2027-06-09' },
      { name: '中秋节', from: '2027-09-15', to: '2027-09-15' },
      { name: '国庆节', from: '2027-10-01', to: '2027-10-03' },
    ],
    workdays: [],
  },
]
