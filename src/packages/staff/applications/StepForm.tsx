import { View, Text } from '@tarojs/components'
import { useState } from 'react'
import type { StaffApplication, StaffEventBody } from '@/domain/contract'
import { stageLabels, type StaffStage } from '@/domain/applicationStatus'
import ActionButton from '@/components/ActionButton'
import FormField from '@/components/FormField'
import Pressable from '@/components/Pressable'
import { a11y } from '@/platform/a11y'
import { useT } from '@/i18n/useT'
import '@/i18n/progress'
import '@/i18n/apply'

const ACTION_LABELS = {
  accepted: 'apply.staff.action.accepted',
  supplement_requested: 'apply.staff.action.supplement_requested',
  supplement_received: 'apply.staff.action.supplement_received',
  reviewing: 'apply.staff.action.reviewing',
  decided: 'apply.staff.action.decided',
  completed: 'apply.staff.action.completed',
  delivered: 'apply.staff.action.delivered',
} as const satisfies Record<StaffStage, string>

interface Props {
  application: StaffApplication
  onRecord(body: StaffEventBody): Promise<boolean>
}

function Choice({ on, label, onPress }: { on: boolean; label: string; onPress(): void }) {
  const t = useT()
  return (
    <Pressable className={`staff-apps__choice${on ? ' staff-apps__choice--on' : ''}`} role='button' label={t(on ? 'apply.staff.choiceOn' : 'apply.staff.choiceOff', { label })} onPress={onPress}>
      {on ? `✓ ${label}` : label}
    </Pressable>
  )
}

/** The steps the status machine allows next; 补正, 决定 and 送达 ask for what they must record. */
export default function StepForm({ application, onRecord }: Props) {
  const t = useT()
  const [stage, setStage] = useState<StaffStage | null>(null)
  const [note, setNote] = useState('')
  const [materials, setMaterials] = useState<string[]>([])
  const [outcome, setOutcome] = useState<'approved' | 'rejected'>('approved')
  const [method, setMethod] = useState<'pickup' | 'express'>('pickup')
  const [place, setPlace] = useState(() => t('apply.staff.defaultPlace', { hall: application.hall.name }))
  const [carrier, setCarrier] = useState('EMS')
  const [trackingNo, setTrackingNo] = useState('')
  const [problem, setProblem] = useState<string | null>(null)

  if (application.nextStages.length === 0) return <Text className='apply__hint'>{t('apply.staff.finished')}</Text>

  async function record(chosen: StaffStage) {
    const body: StaffEventBody = { stage: chosen, ...(note.trim() ? { note: note.trim() } : {}) }
    if (chosen === 'supplement_requested') {
      if (materials.length === 0) return setProblem(t('apply.staff.materialsMissing'))
      body.materials = materials
    }
    if (chosen === 'decided') body.outcome = outcome
    if (chosen === 'delivered') {
      if (method === 'pickup' && !place.trim()) return setProblem(t('apply.staff.placeMissing'))
      if (method === 'express' && !/^[0-9A-Za-z-]{4,40}$/.test(trackingNo.trim())) return setProblem(t('apply.staff.trackingMissing'))
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
            {t(ACTION_LABELS[next])}
          </ActionButton>
        ))}
      </View>
      {stage ? (
        <View className='staff-apps__form' {...a11y({ role: 'region', label: t(stageLabels[stage]) })}>
          <Text className='apply__title'>{t(ACTION_LABELS[stage])}</Text>
          {stage === 'supplement_requested' ? (
            <View className='staff-apps__choices'>
              {application.itemMaterials.map((name) => (
                <Choice key={name} on={materials.includes(name)} label={name} onPress={() => setMaterials((c) => (c.includes(name) ? c.filter((n) => n !== name) : [...c, name]))} />
              ))}
            </View>
          ) : null}
          {stage === 'decided' ? (
            <View className='staff-apps__choices'>
              <Choice on={outcome === 'approved'} label={t('progress.decision.approved')} onPress={() => setOutcome('approved')} />
              <Choice on={outcome === 'rejected'} label={t('progress.decision.rejected')} onPress={() => setOutcome('rejected')} />
            </View>
          ) : null}
          {stage === 'delivered' ? (
            <View>
              <View className='staff-apps__choices'>
                <Choice on={method === 'pickup'} label={t('apply.staff.pickup')} onPress={() => setMethod('pickup')} />
                <Choice on={method === 'express'} label={t('apply.staff.express')} onPress={() => setMethod('express')} />
              </View>
              {method === 'pickup' ? (
                <FormField label={t('apply.staff.place')} value={place} onChange={setPlace} maxlength={120} />
              ) : (
                <View>
                  <FormField label={t('apply.staff.carrier')} value={carrier} onChange={setCarrier} maxlength={20} />
                  <FormField label={t('apply.staff.trackingNo')} value={trackingNo} onChange={setTrackingNo} maxlength={40} />
                </View>
              )}
            </View>
          ) : null}
          <FormField label={t('apply.staff.note')} value={note} onChange={setNote} maxlength={300} />
          {problem ? <Text className='apply__error' {...a11y({ live: 'assertive' })}>{problem}</Text> : null}
          <ActionButton block onPress={() => void record(stage)}>
            {t('apply.staff.confirmAction', { action: t(ACTION_LABELS[stage]) })}
          </ActionButton>
        </View>
      ) : null}
    </View>
  )
}
