import { hallCodeFrom } from '@/domain/hallCode'
import { hallCheckInCode, hallIdOfCheckInCode } from '@/domain/appointments'

describe('hall check-in codes', () => {
  it('keeps a scanned payload and completes a typed poster code', () => {
    expect(hallCodeFrom('banshi:hall:lh-district')).toBe('banshi:hall:lh-district')
    expect(hallCodeFrom('  lh-district ')).toBe('banshi:hall:lh-district')
    expect(hallCodeFrom('BANSHI:HALL:lh-minzhi')).toBe('banshi:hall:lh-minzhi')
    // What the phone sends is what the server's rules read back.
    expect(hallCodeFrom('lh-district')).toBe(hallCheckInCode('lh-district'))
    expect(hallIdOfCheckInCode(hallCodeFrom(' lh-minzhi '))).toBe('lh-minzhi')
  })
})
