import { View, Text, Textarea } from '@tarojs/components'
import { useState } from 'react'
import { VISIT_OUTCOMES, type VisitOutcome } from '@/domain/eligibility'
import { useGridStore } from '@/stores/grid'
import { apiErrorOf } from '@/stores/resource'
import ActionButton from '@/components/ActionButton'
import { useT } from '@/i18n/useT'
import { a11y } from '@/platform/a11y'
import { notify } from '@/dialogs'
import '@/i18n/grid'

/** Record a visit: the outcome drops the resident from the list (applied) or brings them back later. */
export default function VisitForm({ residentId }: { residentId: string }) {
  const t = useT()
  const visit = useGridStore((state) => state.visit)
  const [outcome, setOutcome] = useState<VisitOutcome | null>(null)
  const [note, setNote] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)

  async function save() {
    if (!outcome) return setError(t('grid.visitChoose'))
    setError(null)
    setSaving(true)
    try {
      await visit({ residentId, outcome, ...(note.trim() ? { note: note.trim() } : {}) })
      setOutcome(null)
      setNote('')
      notify(t('grid.visitSaved'))
    } catch (raw) {
      setError(apiErrorOf(raw)?.message ?? t('grid.visitFailed'))
    } finally {
      setSaving(false)
    }
  }

  return (
    <View className='grid__body' {...a11y({ role: 'radiogroup', label: t('grid.visitOutcome') })}>
      {VISIT_OUTCOMES.map((option) => (
        <View
          key={option}
          className={`grid-choice${outcome === option ? ' grid-choice--on' : ''}`}
          onClick={() => setOutcome(option)}
          {...a11y({ role: 'radio', checked: outcome === option, label: t(`grid.outcome.${option}`), onActivate: () => setOutcome(option) })}
        >
          <Text {...a11y({ hidden: true })}>{outcome === option ? '● ' : '○ '}</Text>
          {t(`grid.outcome.${option}`)}
        </View>
      ))}
      <Textarea
        className='grid__text'
        value={note}
        maxlength={500}
        placeholder={t('grid.visitNotePlaceholder')}
        onInput={(event) => setNote(event.detail.value)}
        {...a11y({ label: t('grid.visitNote') })}
      />
      {error ? (
        <Text className='grid__error' {...a11y({ role: 'alert' })}>
          {error}
        </Text>
      ) : null}
      <ActionButton block onPress={() => void save()}>
        {saving ? t('grid.saving') : t('grid.visitSave')}
      </ActionButton>
    </View>
  )
}
