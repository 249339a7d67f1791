// Screen readers in WeChat read aria-role / aria-label only if the built templates pass them on. Taro numbers each
// component's attributes (p0, p1, …) once at build time for the templates and again at run time for the data it
// sends; both must agree, or the label lands in the wrong attribute.
import fs from 'node:fs'
import path from 'node:path'
import { getComponentsAlias, internalComponents, mergeInternalComponents } from '@tarojs/shared'
import ariaAttributes from '../../../src/platform/weappAriaAttributes.json'
import { root } from '../../bench/appSize'

const template = path.join(root, 'dist/weapp/base.wxml')
const skipReason = fs.existsSync(template) ? null : 'no dist/weapp build: run `npm run build:weapp` (CI builds it before the tests)'
if (skipReason) console.info(skipReason)

describe('screen-reader attributes in the mini-program build', () => {
  if (skipReason) {
    it.skip(skipReason, () => {})
    return
  }
  const wxml = fs.readFileSync(template, 'utf8')
  mergeInternalComponents(ariaAttributes as Record<string, Record<string, string>>)
  const alias = getComponentsAlias(internalComponents) as Record<string, Record<string, string>>

  it.each([
    ['view', 'aria-label', 'ariaLabel'],
    ['view', 'aria-role', 'ariaRole'],
    ['view', 'aria-checked', 'ariaChecked'],
    ['text', 'aria-label', 'ariaLabel'],
    ['text', 'aria-hidden', 'ariaHidden'],
  ])('a %s passes %s on in the slot the runtime fills', (component, attribute, prop) => {
    const slot = alias[component][prop]
    expect(slot).toMatch(/^p\d+$/)
    const tag = new RegExp(`<${component} [^>]*${attribute}="\\{\\{i\\.${slot}\\}\\}"`)
    expect(wxml).toMatch(tag)
  })
})
