import { View, Text } from '@tarojs/components'
import type { ApplicationProgress } from '@/domain/contract'
import { decisionLabels } from '@/domain/applicationStatus'
import { formatApplicationNo } from '@/domain/applicationNo'
import { deadlineText, deliveryText, shanghaiDateTime } from '@/domain/applicationText'
import { a11y } from '@/platform/a11y'
import StageBadge from './StageBadge'
import ApplicationTimeline from './ApplicationTimeline'
import Section from './Section'
import { useT } from '@/i18n/useT'
import './ProgressSummary.scss'
import '@/i18n/progress'

/** Where an application stands: status, what is missing, the deadline, the result and how it is delivered. */
export default function ProgressSummary({ progress }: { progress: ApplicationProgress }) {
  const t = useT()
  const deadline = deadlineText(progress)
  const delivery = progress.delivery ? deliveryText(progress.delivery) : null
  return (
    <View className='progress-summary'>
      <View className='progress-summary__head'>
        <Text className='progress-summary__item' {...a11y({ role: 'heading', level: 1 })}>
          {progress.itemName}
        </Text>
        <StageBadge stage={progress.status} overdue={progress.overdue} />
        <Text className='progress-summary__fact'>{t('progress.applicationNo', { no: formatApplicationNo(progress.no) })}</Text>
        <Text className='progress-summary__fact'>{t('progress.submittedAt', { time: shanghaiDateTime(progress.submittedAt) })}</Text>
        {progress.acceptedOn ? <Text className='progress-summary__fact'>{t('progress.acceptedOn', { date: progress.acceptedOn })}</Text> : null}
        {progress.promisedDueDate ? <Text className='progress-summary__fact'>{t('progress.dueDate', { date: progress.promisedDueDate })}</Text> : null}
        <Text className={`progress-summary__deadline${progress.overdue ? ' progress-summary__deadline--late' : ''}`}>{t(deadline.key, deadline.params)}</Text>
      </View>
      {progress.missingMaterials.length > 0 ? (
        <View className='progress-summary__notice' {...a11y({ role: 'alert' })}>
          <Text className='progress-summary__notice-title'>{t('progress.supplementTitle')}</Text>
          {progress.missingMaterials.map((name) => (
            <Text key={name} className='progress-summary__notice-line'>· {name}</Text>
          ))}
          <Text className='progress-summary__notice-line'>{t('progress.supplementWhere', { hall: progress.hall.name, phone: progress.hall.phone })}</Text>
        </View>
      ) : null}
      {progress.outcome ? <Text className='progress-summary__fact'>{t('progress.outcome', { outcome: t(decisionLabels[progress.outcome]) })}</Text> : null}
      {delivery ? <Text className='progress-summary__delivery'>{t(delivery.key, delivery.params)}</Text> : null}
      <Section title={t('progress.timeline')}>
        <ApplicationTimeline events={progress.events} />
      </Section>
      <Section title={t('progress.hall')}>
        <Text className='progress-summary__fact'>{progress.hall.name}</Text>
        <Text className='progress-summary__fact'>{progress.hall.address}</Text>
        <Text className='progress-summary__fact'>{t('progress.hallPhone', { phone: progress.hall.phone })}</Text>
      </Section>
    </View>
  )
}
