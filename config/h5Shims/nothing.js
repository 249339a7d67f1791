// Stands in for a polyfill that every browser the H5 build targets (browserslist: fully supports ES modules) has no
// use for; see the aliases in config/index.ts.
export {}
