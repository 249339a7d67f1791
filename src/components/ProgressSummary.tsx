import { View, Text } from '@tarojs/components'
import type { ApplicationProgress } from '@/domain/contract'
import { decisionLabels } from '@/domain/applicationStatus'
import { formatApplicationNo } from '@/domain/applicationNo'
import { deadlineText, deliveryText, shanghaiDateTime } from '@/domain/applicationText'
import { a11y } from '@/platform/a11y'
import StageBadge from './StageBadge'
import ApplicationTimeline from './ApplicationTimeline'
import Section from './Section'
import './ProgressSummary.scss'

/** Where an application stands: status, what is missing, the deadline, the result and how it is delivered. */
export default function ProgressSummary({ progress }: { progress: ApplicationProgress }) {
  return (
    <View className='progress-summary'>
      <View className='progress-summary__head'>
        <Text className='progress-summary__item' {...a11y({ role: 'heading', level: 1 })}>
          {progress.itemName}
        </Text>
        <StageBadge stage={progress.status} overdue={progress.overdue} />
        <Text className='progress-summary__fact'>办件编号:{formatApplicationNo(progress.no)}</Text>
        <Text className='progress-summary__fact'>提交时间:{shanghaiDateTime(progress.submittedAt)}</Text>
        {progress.acceptedOn ? <Text className='progress-summary__fact'>受理日期:{progress.acceptedOn}</Text> : null}
        {progress.promisedDueDate ? <Text className='progress-summary__fact'>承诺办结日:{progress.promisedDueDate}</Text> : null}
        <Text className={`progress-summary__deadline${progress.overdue ? ' progress-summary__deadline--late' : ''}`}>{deadlineText(progress)}</Text>
      </View>
      {progress.missingMaterials.length > 0 ? (
        <View className='progress-summary__notice' {...a11y({ role: 'alert' })}>
          <Text className='progress-summary__notice-title'>需要补正材料</Text>
          {progress.missingMaterials.map((name) => (
            <Text key={name} className='progress-summary__notice-line'>· {name}</Text>
          ))}
          <Text className='progress-summary__notice-line'>请带上述材料到 {progress.hall.name} 或联系 {progress.hall.phone}</Text>
        </View>
      ) : null}
      {progress.outcome ? <Text className='progress-summary__fact'>办理结果:{decisionLabels[progress.outcome]}</Text> : null}
      {progress.delivery ? <Text className='progress-summary__delivery'>{deliveryText(progress.delivery)}</Text> : null}
      <Section title='办理进度'>
        <ApplicationTimeline events={progress.events} />
      </Section>
      <Section title='办理大厅'>
        <Text className='progress-summary__fact'>{progress.hall.name}</Text>
        <Text className='progress-summary__fact'>{progress.hall.address}</Text>
        <Text className='progress-summary__fact'>咨询电话:{progress.hall.phone}</Text>
      </Section>
    </View>
  )
}
