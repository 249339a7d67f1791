/** 12345: the government service hotline (政务服务便民热线) reachable from any phone in mainland China. */
export const GOVERNMENT_HOTLINE = '12345'
