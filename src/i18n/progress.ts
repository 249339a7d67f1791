// Imported for its effect by every module that shows these sentences, so they travel with their pages.
import { registerMessages } from './index'
import { progressZh } from './progress.zh'
import { progressEn } from './progress.en'

registerMessages({ zh: progressZh, en: progressEn })
