// Imported for its effect by every module that shows these sentences, so they travel with their pages.
import { registerMessages } from './index'
import { generalZh } from './general.zh'
import { generalEn } from './general.en'

registerMessages({ zh: generalZh, en: generalEn })
