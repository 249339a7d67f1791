// Imported for its effect by every module that shows these sentences, so they travel with their pages.
import { registerMessages } from './index'
import { gridZh } from './grid.zh'
import { gridEn } from './grid.en'

registerMessages({ zh: gridZh, en: gridEn })
