import { View, Text } from '@tarojs/components'
import type { ApplicationEvent } from '@/domain/contract'
import { decisionLabels, stageLabels } from '@/domain/applicationStatus'
import { deliveryText, shanghaiDateTime } from '@/domain/applicationText'
import { a11y } from '@/platform/a11y'
import { useT } from '@/i18n/useT'
import './ApplicationTimeline.scss'
import '@/i18n/progress'

function EventDetail({ event }: { event: ApplicationEvent }) {
  const t = useT()
  const delivery = event.delivery ? deliveryText(event.delivery) : null
  return (
    <>
      {event.materials?.length ? (
        <Text className='timeline__detail'>{t('progress.eventMissing', { materials: event.materials.join(t('progress.listSeparator')) })}</Text>
      ) : null}
      {event.outcome ? <Text className='timeline__detail'>{t('progress.eventOutcome', { outcome: t(decisionLabels[event.outcome]) })}</Text> : null}
      {delivery ? <Text className='timeline__detail'>{t(delivery.key, delivery.params)}</Text> : null}
      {event.note ? <Text className='timeline__detail'>{t('progress.eventNote', { note: event.note })}</Text> : null}
    </>
  )
}

/** Every step so far, newest on top: what happened, when, and what it means for the applicant. */
export default function ApplicationTimeline({ events }: { events: ApplicationEvent[] }) {
  const t = useT()
  const newestFirst = [...events].reverse()
  return (
    <View className='timeline' {...a11y({ role: 'list', label: t('progress.timeline') })}>
      {newestFirst.map((event, index) => (
        <View key={`${event.at}-${event.stage}`} className={`timeline__event${index === 0 ? ' timeline__event--current' : ''}`} {...a11y({ role: 'listitem' })}>
          <View className='timeline__dot' />
          <View className='timeline__body'>
            <Text className='timeline__stage'>{t(stageLabels[event.stage])}</Text>
            <Text className='timeline__time'>{shanghaiDateTime(event.at)}</Text>
            <EventDetail event={event} />
          </View>
        </View>
      ))}
    </View>
  )
}
