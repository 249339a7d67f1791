// Imported for its effect by every module that shows these sentences, so they travel with their pages.
import { registerMessages } from './index'
import { queueZh } from './queue.zh'
import { queueEn } from './queue.en'

registerMessages({ zh: queueZh, en: queueEn })
