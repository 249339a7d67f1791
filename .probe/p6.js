const Ajv = require('ajv').default
for (const strictNumbers of [false, true]) {
  const ajv = new Ajv({ coerceTypes: 'array', strictNumbers, allErrors: true, removeAdditional: true, useDefaults: true })
  const v = ajv.compile({ type: 'object', properties: { lat: { type: 'number', maximum: 90 } } })
  const d = { lat: '1e400' }
  console.log(strictNumbers, v(d), d, JSON.stringify(v.errors))
  console.log(v.toString().slice(0, 1500))
}
