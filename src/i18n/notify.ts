// Imported for its effect by every module that shows these sentences, so they travel with their pages.
import { registerMessages } from './index'
import { notifyZh } from './notify.zh'
import { notifyEn } from './notify.en'

registerMessages({ zh: notifyZh, en: notifyEn })
