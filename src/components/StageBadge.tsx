import { Text } from '@tarojs/components'
import type { ApplicationStage } from '@/domain/applicationStatus'
import { stageLabels } from '@/domain/applicationStatus'
import { stageTone } from '@/domain/applicationText'
import { useT } from '@/i18n/useT'
import './StageBadge.scss'
import '@/i18n/progress'

export default function StageBadge({ stage, overdue = false }: { stage: ApplicationStage; overdue?: boolean }) {
  const t = useT()
  const name = t(stageLabels[stage])
  return <Text className={`stage-badge stage-badge--${stageTone(stage, overdue)}`}>{overdue ? t('progress.stageOverdue', { stage: name }) : name}</Text>
}
