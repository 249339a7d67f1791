import type { Appointment, AppointmentStatus, WaitlistEntry } from '../../../src/domain/contract'
import { canCancelAt, checkInTiming, shanghaiIso } from '../../../src/domain/appointments'
import { maskIdNumber, maskPhone } from '../../../src/domain/identity'
import type { PersonalDataCipher } from '../../security/personalData'
import type { AppointmentRow, WaitlistRow } from './repo'

export interface HallFacts {
  name: string
  address: string
}

export interface MaskedPerson {
  phoneMasked: string
  idNumberMasked: string
}

export function maskedFromRow(row: { phone_enc: string; id_number_enc: string }, cipher: PersonalDataCipher): MaskedPerson {
  return {
    phoneMasked: maskPhone(cipher.open('phone', row.phone_enc)),
    idNumberMasked: maskIdNumber(cipher.open('idNumber', row.id_number_enc)),
  }
}

export function appointmentView(row: AppointmentRow, hall: HallFacts, person: MaskedPerson, now: Date): Appointment {
  const startsAt = new Date(row.starts_at)
  const booked = row.status === 'booked'
  const changeable = booked && canCancelAt(startsAt, now)
  return {
    id: row.id,
    code: row.code,
    status: row.status as AppointmentStatus,
    hallId: row.hall_id,
    hallName: hall.name,
    hallAddress: hall.address,
    itemCode: row.item_code,
    itemName: row.item_name,
    slot: { id: row.slot_id, startsAt: shanghaiIso(startsAt), endsAt: shanghaiIso(new Date(row.ends_at)) },
    name: row.name,
    phoneMasked: person.phoneMasked,
    idNumberMasked: person.idNumberMasked,
    createdAt: shanghaiIso(new Date(row.created_at)),
    runningLate: row.running_late === 1,
    ticketId: row.ticket_id,
    canCancel: changeable,
    canReschedule: changeable,
    canCheckIn: booked && checkInTiming(startsAt, row.running_late === 1, now) === 'open',
  }
}

export function waitlistView(
  row: WaitlistRow,
  hallName: string,
  position: number,
  offerStartsAt: string | null,
): WaitlistEntry {
  const offered = row.status === 'offered' && row.offer_slot_id && row.offer_expires_at && offerStartsAt
  return {
    id: row.id,
    hallId: row.hall_id,
    hallName,
    itemCode: row.item_code,
    itemName: row.item_name,
    date: row.day,
    status: row.status as WaitlistEntry['status'],
    position: row.status === 'waiting' ? position : 0,
    offer: offered
      ? { slotId: row.offer_slot_id!, startsAt: shanghaiIso(new Date(offerStartsAt)), expiresAt: shanghaiIso(new Date(row.offer_expires_at!)) }
      : null,
    createdAt: shanghaiIso(new Date(row.created_at)),
  }
}
