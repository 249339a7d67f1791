import { View, Text } from '@tarojs/components'
import dayjs from 'dayjs'
import { Phone } from '@nutui/icons-react-taro'
import type { Hall } from '@/domain/contract'
import { formatPeriods } from '@/domain/hallHours'
import { formatDistance } from '@/domain/geo'
import { hallLevelLabels } from '@/domain/guideFacts'
import PhoneLink from '@/platform/PhoneLink'
import { useT } from '@/i18n/useT'
import './HallCard.scss'
import '@/i18n/guide'

export default function HallCard({ hall }: { hall: Hall }) {
  const t = useT()
  const distance = hall.distanceM !== null ? formatDistance(hall.distanceM) : null
  const hours = hall.hoursToday.length > 0 ? formatPeriods(hall.hoursToday) : t('hall.closedDay')
  return (
    <View className='hall-card'>
      <View className='hall-card__head'>
        <Text className='hall-card__name'>{hall.name}</Text>
        <Text className={`hall-card__open${hall.openNow ? ' hall-card__open--yes' : ''}`}>
          {hall.openNow ? t('hall.openNow') : t('hall.closedNow')}
        </Text>
      </View>
      <Text className='hall-card__line'>
        {t(hallLevelLabels[hall.level])}
        {distance ? t('hall.distance', { distance: t(distance.key, distance.params) }) : ''}
      </Text>
      <Text className='hall-card__line'>{t('hall.address', { address: hall.address })}</Text>
      <Text className='hall-card__line'>
        {t('hall.today', { weekday: dayjs().format('dddd'), hours })}
        {hall.selfService24h ? t('hall.selfService') : ''}
      </Text>
      <PhoneLink className='hall-card__call' phone={hall.phone} label={t('hall.callLabel', { name: hall.name, phone: hall.phone })}>
        <Phone size={16} color='currentColor' />
        <Text>{hall.phone}</Text>
      </PhoneLink>
    </View>
  )
}
