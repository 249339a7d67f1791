import { View, Text } from '@tarojs/components'
import dayjs from 'dayjs'
import { Phone } from '@nutui/icons-react-taro'
import type { Hall } from '@/domain/contract'
import { formatPeriods } from '@/domain/hallHours'
import { formatDistance } from '@/domain/geo'
import { hallLevelLabels } from '@/domain/guideFacts'
import PhoneLink from '@/platform/PhoneLink'
import './HallCard.scss'

export default function HallCard({ hall }: { hall: Hall }) {
  return (
    <View className='hall-card'>
      <View className='hall-card__head'>
        <Text className='hall-card__name'>{hall.name}</Text>
        <Text className={`hall-card__open${hall.openNow ? ' hall-card__open--yes' : ''}`}>
          {hall.openNow ? '● 办公中' : '○ 休息中'}
        </Text>
      </View>
      <Text className='hall-card__line'>
        {hallLevelLabels[hall.level]}
        {hall.distanceM !== null ? ` · 距您${formatDistance(hall.distanceM)}` : ''}
      </Text>
      <Text className='hall-card__line'>地址:{hall.address}</Text>
      <Text className='hall-card__line'>今日({dayjs().format('dddd')}):{formatPeriods(hall.hoursToday)}{hall.selfService24h ? ' · 24小时自助区' : ''}</Text>
      <PhoneLink className='hall-card__call' phone={hall.phone} label={`拨打${hall.name}电话 ${hall.phone}`}>
        <Phone size={16} color='currentColor' />
        <Text>{hall.phone}</Text>
      </PhoneLink>
    </View>
  )
}
