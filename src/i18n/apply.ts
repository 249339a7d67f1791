// Imported for its effect by every module that shows these sentences, so they travel with their pages.
import { registerMessages } from './index'
import { applyZh } from './apply.zh'
import { applyEn } from './apply.en'

registerMessages({ zh: applyZh, en: applyEn })
