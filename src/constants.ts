export { GOVERNMENT_HOTLINE } from '@/domain/hotline'
