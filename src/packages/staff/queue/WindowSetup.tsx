import { View, Text } from '@tarojs/components'
import { useEffect, useState } from 'react'
import type { Hall, HallDetail } from '@/domain/contract'
import { fetchHall, fetchHalls } from '@/api/queue'
import { apiErrorOf } from '@/stores/resource'
import type { ApiError } from '@/api/apiError'
import FormField from '@/components/FormField'
import ActionButton from '@/components/ActionButton'
import { ErrorState, LoadingRows } from '@/components/StatusViews'
import { useT } from '@/i18n/useT'
import { a11y } from '@/platform/a11y'
import CheckChoice from './CheckChoice'
import type { WindowChoice } from './windowChoice'
import '@/i18n/queue'

interface WindowSetupProps {
  /** Window staff work at their own hall; administrators choose one. */
  fixedHallId: string | null
  initial: WindowChoice | null
  onChoose(choice: WindowChoice): void
}

/** Hall, window number and the categories the window serves, checked against the hall before calling starts. */
export default function WindowSetup({ fixedHallId, initial, onChoose }: WindowSetupProps) {
  const t = useT()
  const [halls, setHalls] = useState<Hall[] | null>(null)
  const [hallId, setHallId] = useState(fixedHallId ?? initial?.hallId ?? '')
  const [detail, setDetail] = useState<HallDetail | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [windowText, setWindowText] = useState(initial?.windowNo ? String(initial.windowNo) : '')
  const [categoryIds, setCategoryIds] = useState<string[]>(initial?.categoryIds ?? [])
  const [problem, setProblem] = useState<string | null>(null)

  useEffect(() => {
    if (fixedHallId) return
    fetchHalls()
      .then(setHalls)
      .catch((raw) => setError(apiErrorOf(raw)))
  }, [fixedHallId])

  async function loadHall(id: string) {
    setDetail(null)
    setError(null)
    try {
      const loaded = await fetchHall(id)
      setDetail(loaded)
      // A remembered choice keeps its categories; a new hall starts with all of them.
      setCategoryIds((chosen) => {
        const valid = chosen.filter((c) => loaded.categories.some((category) => category.id === c))
        return valid.length ? valid : loaded.categories.map((category) => category.id)
      })
    } catch (raw) {
      setError(apiErrorOf(raw))
    }
  }
  useEffect(() => {
    if (hallId) void loadHall(hallId)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [hallId])

  function start() {
    if (!detail) return
    const windowNo = Number(windowText)
    if (!Number.isInteger(windowNo) || windowNo < 1 || windowNo > detail.windows) return setProblem(t('queue.staff.windowInvalid', { max: detail.windows }))
    if (categoryIds.length === 0) return setProblem(t('queue.staff.categoriesMissing'))
    setProblem(null)
    onChoose({ hallId: detail.id, windowNo, categoryIds })
  }

  const toggle = (id: string) => setCategoryIds((chosen) => (chosen.includes(id) ? chosen.filter((c) => c !== id) : [...chosen, id]))

  return (
    <View className='staff-queue__setup'>
      <Text className='staff-queue__title'>{t('queue.staff.setup')}</Text>
      {!fixedHallId ? (
        <View className='staff-queue__group'>
          <Text className='staff-queue__label'>{t('queue.staff.hall')}</Text>
          {halls ? (
            <View className='staff-queue__choices'>
              {halls.map((hall) => (
                <CheckChoice key={hall.id} single label={hall.name} checked={hall.id === hallId} onToggle={() => setHallId(hall.id)} />
              ))}
            </View>
          ) : error ? null : (
            <LoadingRows rows={2} />
          )}
        </View>
      ) : null}
      {error ? <ErrorState error={error} onRetry={() => (hallId ? void loadHall(hallId) : undefined)} /> : null}
      {detail ? (
        <View className='staff-queue__group'>
          <Text className='staff-queue__label'>{detail.name}</Text>
          <FormField
            label={t('queue.staff.window')}
            type='digits'
            value={windowText}
            onChange={setWindowText}
            maxlength={3}
            hint={t('queue.staff.windowHint', { max: detail.windows })}
          />
          <Text className='staff-queue__label'>{t('queue.staff.categories')}</Text>
          <View className='staff-queue__choices'>
            {detail.categories.map((category) => (
              <CheckChoice key={category.id} label={`${category.id} ${category.name}`} checked={categoryIds.includes(category.id)} onToggle={() => toggle(category.id)} />
            ))}
          </View>
          {problem ? (
            <Text className='staff-queue__error' {...a11y({ role: 'alert' })}>
              {problem}
            </Text>
          ) : null}
          <ActionButton block onPress={start}>
            {t('queue.staff.start')}
          </ActionButton>
        </View>
      ) : hallId && !error ? (
        <LoadingRows rows={2} />
      ) : null}
    </View>
  )
}
