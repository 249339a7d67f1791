import { distanceMeters, formatDistance } from '@/domain/geo'

describe('distance between a resident and a hall', () => {
  it('is zero at the same place and symmetric', () => {
    const hall = { lat: 22.6566, lng: 114.0297 }
    expect(distanceMeters(hall, hall)).toBe(0)
    const other = { lat: 22.6157, lng: 114.0338 }
    expect(distanceMeters(hall, other)).toBe(distanceMeters(other, hall))
  })

  it('matches a known distance: one degree of latitude is about 111 km', () => {
    const d = distanceMeters({ lat: 22, lng: 114 }, { lat: 23, lng: 114 })
    expect(d).toBeGreaterThan(110_500)
    expect(d).toBeLessThan(111_500)
  })

  it('reads naturally in metres or kilometres', () => {
    expect(formatDistance(850)).toEqual({ key: 'geo.metres', params: { metres: 850 } })
    expect(formatDistance(1789)).toEqual({ key: 'geo.kilometres', params: { km: '1.8' } })
    expect(formatDistance(23456)).toEqual({ key: 'geo.kilometres', params: { km: '23' } })
  })
})
