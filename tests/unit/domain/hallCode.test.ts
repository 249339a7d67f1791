import { hallCodeFor, hallCodeFrom } from '@/domain/hallCode'

describe('hall check-in codes', () => {
  it('keeps a scanned payload and completes a typed poster code', () => {
    expect(hallCodeFrom('banshi:hall:lh-district')).toBe('banshi:hall:lh-district')
    expect(hallCodeFrom('  lh-district ')).toBe('banshi:hall:lh-district')
    expect(hallCodeFrom('BANSHI:HALL:lh-minzhi')).toBe('banshi:hall:lh-minzhi')
    expect(hallCodeFor('lh-district')).toBe('banshi:hall:lh-district')
  })
})
