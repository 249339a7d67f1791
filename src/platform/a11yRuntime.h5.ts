// H5: React renders aria-* attributes on DOM elements as they are; nothing to register.
export {}
