import { mergeInternalComponents } from '@tarojs/shared'
import ariaAttributes from './weappAriaAttributes.json'

/**
 * Mini-program: teach Taro's runtime the screen-reader attributes that config/weappAriaPlugin.js put into the
 * templates. Must run before the first page renders (imported at the top of app.tsx).
 */
mergeInternalComponents(ariaAttributes as Record<string, Record<string, string>>)
