// Imported for its effect by every module that shows these sentences, so they travel with their pages.
import { registerMessages } from './index'
import { bookingZh } from './booking.zh'
import { bookingEn } from './booking.en'

registerMessages({ zh: bookingZh, en: bookingEn })
