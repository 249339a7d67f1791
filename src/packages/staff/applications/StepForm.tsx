import { View, Text } from '@tarojs/components'
import { useState } from 'react'
import type { StaffApplication, StaffEventBody } from '@/domain/contract'
import { stageLabels, type StaffStage } from '@/domain/applicationStatus'
import ActionButton from '@/components/ActionButton'
import FormField from '@/components/FormField'
import Pressable from '@/components/Pressable'
import { a11y } from '@/platform/a11y'

const ACTION_LABELS: Record<StaffStage, string> = {
  accepted: '受理',
  supplement_requested: '一次性告知补正',
  supplement_received: '补正材料已收到',
  reviewing: '开始审查',
  decided: '记录决定',
  completed: '办结',
  delivered: '记录送达 / 领取',
}

interface Props {
  application: StaffApplication
  onRecord(body: StaffEventBody): Promise<boolean>
}

function Choice({ on, label, onPress }: { on: boolean; label: string; onPress(): void }) {
  return (
    <Pressable className={`staff-apps__choice${on ? ' staff-apps__choice--on' : ''}`} role='button' label={`${on ? '已选' : '未选'} ${label}`} onPress={onPress}>
      {on ? `✓ ${label}` : label}
    </Pressable>
  )
}

/** The steps the status machine allows next; 补正, 决定 and 送达 ask for what they must record. */
export default function StepForm({ application, onRecord }: Props) {
  const [stage, setStage] = useState<StaffStage | null>(null)
  const [note, setNote] = useState('')
  const [materials, setMaterials] = useState<string[]>([])
  const [outcome, setOutcome] = useState<'approved' | 'rejected'>('approved')
  const [method, setMethod] = useState<'pickup' | 'express'>('pickup')
  const [place, setPlace] = useState(`${application.hall.name} 出件窗口`)
  const [carrier, setCarrier] = useState('EMS')
  const [trackingNo, setTrackingNo] = useState('')
  const [problem, setProblem] = useState<string | null>(null)

  if (application.nextStages.length === 0) return <Text className='apply__hint'>办件已送达,流程结束。</Text>

  async function record(chosen: StaffStage) {
    const body: StaffEventBody = { stage: chosen, ...(note.trim() ? { note: note.trim() } : {}) }
    if (chosen === 'supplement_requested') {
      if (materials.length === 0) return setProblem('请选择需要补正的材料')
      body.materials = materials
    }
    if (chosen === 'decided') body.outcome = outcome
    if (chosen === 'delivered') {
      if (method === 'pickup' && !place.trim()) return setProblem('请填写领取地点')
      if (method === 'express' && !/^[0-9A-Za-z-]{4,40}$/.test(trackingNo.trim())) return setProblem('请填写快递单号')
      body.delivery = method === 'pickup' ? { method, place: place.trim() } : { method, carrier: carrier.trim() || 'EMS', trackingNo: trackingNo.trim() }
    }
    setProblem(null)
    if (await onRecord(body)) {
      setStage(null)
      setNote('')
      setMaterials([])
    }
  }

  const needsForm = (s: StaffStage) => s === 'supplement_requested' || s === 'decided' || s === 'delivered'
  return (
    <View className='staff-apps__steps'>
      <View className='staff-apps__choices'>
        {application.nextStages.map((next) => (
          <ActionButton key={next} primary={next !== 'supplement_requested'} onPress={() => (needsForm(next) ? setStage(next) : void record(next))}>
            {ACTION_LABELS[next]}
          </ActionButton>
        ))}
      </View>
      {stage ? (
        <View className='staff-apps__form' {...a11y({ role: 'region', label: stageLabels[stage] })}>
          <Text className='apply__title'>{ACTION_LABELS[stage]}</Text>
          {stage === 'supplement_requested' ? (
            <View className='staff-apps__choices'>
              {application.itemMaterials.map((name) => (
                <Choice key={name} on={materials.includes(name)} label={name} onPress={() => setMaterials((c) => (c.includes(name) ? c.filter((n) => n !== name) : [...c, name]))} />
              ))}
            </View>
          ) : null}
          {stage === 'decided' ? (
            <View className='staff-apps__choices'>
              <Choice on={outcome === 'approved'} label='准予许可' onPress={() => setOutcome('approved')} />
              <Choice on={outcome === 'rejected'} label='不予许可' onPress={() => setOutcome('rejected')} />
            </View>
          ) : null}
          {stage === 'delivered' ? (
            <View>
              <View className='staff-apps__choices'>
                <Choice on={method === 'pickup'} label='窗口领取' onPress={() => setMethod('pickup')} />
                <Choice on={method === 'express'} label='邮寄送达' onPress={() => setMethod('express')} />
              </View>
              {method === 'pickup' ? (
                <FormField label='领取地点' value={place} onChange={setPlace} maxlength={120} />
              ) : (
                <View>
                  <FormField label='快递公司' value={carrier} onChange={setCarrier} maxlength={20} />
                  <FormField label='快递单号' value={trackingNo} onChange={setTrackingNo} maxlength={40} />
                </View>
              )}
            </View>
          ) : null}
          <FormField label='说明(选填,申请人可见)' value={note} onChange={setNote} maxlength={300} />
          {problem ? <Text className='apply__error' {...a11y({ live: 'assertive' })}>{problem}</Text> : null}
          <ActionButton block onPress={() => void record(stage)}>
            确认{ACTION_LABELS[stage]}
          </ActionButton>
        </View>
      ) : null}
    </View>
  )
}
