import { View, Text } from '@tarojs/components'
import type { Hall } from '@/domain/contract'
import PhoneLink from '@/platform/PhoneLink'
import { a11y } from '@/platform/a11y'
import { openInMap } from '@/platform/location'
import Pressable from '@/components/Pressable'
import { openPage, paths } from '@/navigation'
import { useT } from '@/i18n/useT'
import { distanceText, expectedWaitText, hoursTodayText, levelText } from './queueText'
import './QueueHallCard.scss'
import '@/i18n/queue'

/** One hall in the list: open or not, hours today, how far, how busy, and what one can do from here. */
export default function QueueHallCard({ hall, recommended = false }: { hall: Hall; recommended?: boolean }) {
  const t = useT()
  return (
    <View className={`queue-hall${recommended ? ' queue-hall--recommended' : ''}`} {...a11y({ role: 'listitem' })}>
      <View className='queue-hall__head'>
        <Text className='queue-hall__name'>{hall.name}</Text>
        <Text className={`queue-hall__open${hall.openNow ? ' queue-hall__open--yes' : ''}`}>
          {hall.openNow ? `● ${t('queue.hall.open')}` : `○ ${t('queue.hall.closed')}`}
        </Text>
      </View>
      <Text className='queue-hall__line'>
        {levelText(t, hall.level)}
        {hall.distanceM !== null ? ` · ${distanceText(t, hall.distanceM)}` : ''}
      </Text>
      <Text className='queue-hall__line'>{hoursTodayText(t, hall.hoursToday)}</Text>
      {hall.selfService24h ? <Text className='queue-hall__line'>{t('queue.hall.selfService')}</Text> : null}
      <Text className='queue-hall__line'>{hall.address}</Text>
      <Text className='queue-hall__wait'>
        {hall.queue
          ? t('queue.hall.waitLine', { count: hall.queue.waiting, expected: expectedWaitText(t, hall.queue.estimatedWaitMin, hall.queue.estimatedWaitHighMin) })
          : t('queue.hall.noQueue')}
      </Text>
      <View className='queue-hall__actions'>
        <Pressable className='queue-hall__action' role='link' label={t('queue.hall.detailsLabel', { name: hall.name })} onPress={() => openPage(paths.hall(hall.id))}>
          {t('queue.hall.details')}
        </Pressable>
        <Pressable
          className='queue-hall__action'
          label={t('queue.hall.openMapLabel', { name: hall.name })}
          onPress={() => openInMap({ lat: hall.lat, lng: hall.lng, name: hall.name, address: hall.address })}
        >
          {t('queue.hall.openMap')}
        </Pressable>
        <PhoneLink className='queue-hall__action' phone={hall.phone} label={t('queue.hall.callLabel', { name: hall.name, phone: hall.phone })}>
          <Text>{t('queue.hall.call')}</Text>
        </PhoneLink>
      </View>
    </View>
  )
}
