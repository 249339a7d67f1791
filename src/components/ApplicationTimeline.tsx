import { View, Text } from '@tarojs/components'
import type { ApplicationEvent } from '@/domain/contract'
import { decisionLabels, stageLabels } from '@/domain/applicationStatus'
import { deliveryText, shanghaiDateTime } from '@/domain/applicationText'
import { a11y } from '@/platform/a11y'
import './ApplicationTimeline.scss'

function EventDetail({ event }: { event: ApplicationEvent }) {
  return (
    <>
      {event.materials?.length ? <Text className='timeline__detail'>需补正:{event.materials.join('、')}</Text> : null}
      {event.outcome ? <Text className='timeline__detail'>结果:{decisionLabels[event.outcome]}</Text> : null}
      {event.delivery ? <Text className='timeline__detail'>{deliveryText(event.delivery)}</Text> : null}
      {event.note ? <Text className='timeline__detail'>说明:{event.note}</Text> : null}
    </>
  )
}

/** Every step so far, newest on top: what happened, when, and what it means for the applicant. */
export default function ApplicationTimeline({ events }: { events: ApplicationEvent[] }) {
  const newestFirst = [...events].reverse()
  return (
    <View className='timeline' {...a11y({ role: 'list', label: '办理进度' })}>
      {newestFirst.map((event, index) => (
        <View key={`${event.at}-${event.stage}`} className={`timeline__event${index === 0 ? ' timeline__event--current' : ''}`} {...a11y({ role: 'listitem' })}>
          <View className='timeline__dot' />
          <View className='timeline__body'>
            <Text className='timeline__stage'>{stageLabels[event.stage]}</Text>
            <Text className='timeline__time'>{shanghaiDateTime(event.at)}</Text>
            <EventDetail event={event} />
          </View>
        </View>
      ))}
    </View>
  )
}
