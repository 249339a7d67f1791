import { View, Text } from '@tarojs/components'
import Section from '@/components/Section'
import FormField from '@/components/FormField'
import ActionButton from '@/components/ActionButton'
import { a11y } from '@/platform/a11y'
import { useT } from '@/i18n/useT'
import type { BookerDraft, BookerErrors } from '../bookerForm'
import '@/i18n/booking'

interface DetailsStepProps {
  /** The chosen day or time and hall, one line, so the person knows what they are filling this in for. */
  summary: string
  draft: BookerDraft
  errors: BookerErrors
  formError: string | null
  onField(name: keyof BookerDraft, value: string): void
  onNext(): void
  onBack(): void
}

/** Who comes: name, phone and ID number, each with its own error right under it. */
export default function DetailsStep({ summary, draft, errors, formError, onField, onNext, onBack }: DetailsStepProps) {
  const t = useT()
  return (
    <View>
      <View className='booking__body'>
        <Text className='booking__title' {...a11y({ role: 'heading', level: 1 })}>
          {t('booking.detailsTitle')}
        </Text>
        <Text className='booking__hint'>{summary}</Text>
      </View>
      <Section title={t('booking.whoComes')}>
        <FormField label={t('booking.name')} value={draft.name} onChange={(value) => onField('name', value)} maxlength={40} error={errors.name} />
        <FormField label={t('booking.phone')} value={draft.phone} onChange={(value) => onField('phone', value)} type='digits' maxlength={11} error={errors.phone} />
        <FormField
          label={t('booking.idNumber')}
          value={draft.idNumber}
          onChange={(value) => onField('idNumber', value)}
          type='idcard'
          maxlength={18}
          error={errors.idNumber}
          hint={t('booking.idHint')}
        />
      </Section>
      <View className='booking__actions'>
        {formError ? (
          <Text className='booking__error' {...a11y({ role: 'alert' })}>
            {formError}
          </Text>
        ) : null}
        <ActionButton block onPress={onNext}>
          {t('booking.toConfirm')}
        </ActionButton>
        <ActionButton block primary={false} onPress={onBack}>
          {t('booking.changeTime')}
        </ActionButton>
      </View>
    </View>
  )
}
