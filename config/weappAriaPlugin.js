// Taro's mini-program templates only pass on attributes Taro knows for each component, and its lists leave out
// WeChat's screen-reader attributes (aria-role, aria-label, …, base library 2.7.1+). This build plugin adds them to
// the generated templates; src/platform/a11yRuntime.ts adds the same list to the runtime's table, so the attribute
// numbering (p0, p1, …) agrees between the two. Plain CommonJS: Taro requires plugins directly.
const ariaAttributes = require('../src/platform/weappAriaAttributes.json')

module.exports = (ctx) => {
  ctx.registerMethod({
    name: 'onSetupClose',
    fn(platform) {
      if (platform.template && typeof platform.template.mergeComponents === 'function') {
        platform.template.mergeComponents(ctx, ariaAttributes)
      }
    },
  })
}
