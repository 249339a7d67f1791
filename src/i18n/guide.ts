// Imported for its effect by every module that shows these sentences, so they travel with their pages.
import { registerMessages } from './index'
import { guideZh } from './guide.zh'
import { guideEn } from './guide.en'

registerMessages({ zh: guideZh, en: guideEn })
