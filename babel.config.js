// Taro's preset builds the app; jest (NODE_ENV=test) uses plain presets so tests run in Node without Taro's loader.
const nutuiOnDemand = [
  'import',
  {
    libraryName: '@nutui/nutui-react-taro',
    libraryDirectory: 'dist/es/packages',
    camel2DashComponentName: false,
    customName: (name) => `@nutui/nutui-react-taro/dist/es/packages/${name.toLowerCase()}`,
    customStyleName: (name) => `@nutui/nutui-react-taro/dist/es/packages/${name.toLowerCase()}/style/css`,
  },
  'nutui-react-taro',
]

module.exports = (api) => {
  const isTest = api.env('test')
  if (isTest) {
    return {
      presets: [
        ['@babel/preset-env', { targets: { node: 'current' } }],
        ['@babel/preset-react', { runtime: 'automatic' }],
        ['@babel/preset-typescript', { allowDeclareFields: true }],
      ],
      // Same per-component imports as the build, without the stylesheets jsdom cannot use.
      plugins: [[nutuiOnDemand[0], { ...nutuiOnDemand[1], customStyleName: undefined, style: false }, nutuiOnDemand[2]]],
    }
  }
  return {
    presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
    plugins: [nutuiOnDemand],
  }
}
