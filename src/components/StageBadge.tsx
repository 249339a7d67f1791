import { Text } from '@tarojs/components'
import type { ApplicationStage } from '@/domain/applicationStatus'
import { stageLabels } from '@/domain/applicationStatus'
import { stageTone } from '@/domain/applicationText'
import './StageBadge.scss'

export default function StageBadge({ stage, overdue = false }: { stage: ApplicationStage; overdue?: boolean }) {
  return <Text className={`stage-badge stage-badge--${stageTone(stage, overdue)}`}>{overdue ? `${stageLabels[stage]} · 已超期` : stageLabels[stage]}</Text>
}
