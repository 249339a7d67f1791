import { View, Text, Textarea } from '@tarojs/components'
import { useState } from 'react'
import { EVALUATION_COMMENT_MAX } from '@/domain/limits'
import ActionButton from '@/components/ActionButton'
import Pressable from '@/components/Pressable'
import { a11y } from '@/platform/a11y'
import { apiErrorOf } from '@/stores/resource'
import { useT } from '@/i18n/useT'
import '@/i18n/apply'

const SCORE_WORDS = ['apply.rating.score1', 'apply.rating.score2', 'apply.rating.score3', 'apply.rating.score4', 'apply.rating.score5'] as const
// The tag sent is the Chinese word the hall's 好差评 statistics count; only its label follows the language.
const QUICK_TAGS = [
  { tag: '办事快', label: 'apply.rating.tagFast' },
  { tag: '一次办好', label: 'apply.rating.tagOnce' },
  { tag: '态度好', label: 'apply.rating.tagFriendly' },
  { tag: '指引清楚', label: 'apply.rating.tagClear' },
  { tag: '等待太久', label: 'apply.rating.tagSlow' },
  { tag: '材料要求多', label: 'apply.rating.tagManyDocs' },
] as const

interface RatingFormProps {
  onSubmit(rating: { score: number; tags: string[]; comment?: string }): Promise<void>
}

/** 好差评: a score, quick tags and an optional comment, sent once. */
export default function RatingForm({ onSubmit }: RatingFormProps) {
  const t = useT()
  const [score, setScore] = useState(0)
  const [tags, setTags] = useState<string[]>([])
  const [comment, setComment] = useState('')
  const [sending, setSending] = useState(false)
  const [error, setError] = useState<string | null>(null)

  async function send() {
    if (score === 0) {
      setError(t('apply.rating.scoreMissing'))
      return
    }
    setSending(true)
    setError(null)
    try {
      await onSubmit({ score, tags, ...(comment.trim() ? { comment: comment.trim() } : {}) })
    } catch (failure) {
      setError(apiErrorOf(failure)?.message ?? t('apply.rating.failed'))
    } finally {
      setSending(false)
    }
  }

  const toggle = (tag: string) => setTags((current) => (current.includes(tag) ? current.filter((other) => other !== tag) : [...current, tag]))
  return (
    <View className='rating'>
      <View className='rating__stars' {...a11y({ role: 'region', label: t('apply.rating.scoreRegion') })}>
        {[1, 2, 3, 4, 5].map((value) => (
          <Pressable key={value} className={`rating__star${value <= score ? ' rating__star--on' : ''}`} label={t('apply.rating.score', { score: value, words: t(SCORE_WORDS[value - 1]) })} onPress={() => setScore(value)}>
            {value <= score ? '★' : '☆'}
          </Pressable>
        ))}
      </View>
      {score > 0 ? <Text className='apply__hint'>{t(SCORE_WORDS[score - 1])}</Text> : null}
      <View className='rating__tags'>
        {QUICK_TAGS.map(({ tag, label }) => (
          <Pressable key={tag} className={`rating__tag${tags.includes(tag) ? ' rating__tag--on' : ''}`} onPress={() => toggle(tag)}>
            {tags.includes(tag) ? t('apply.rating.tagOn', { tag: t(label) }) : t(label)}
          </Pressable>
        ))}
      </View>
      <Textarea
        className='rating__comment'
        value={comment}
        maxlength={EVALUATION_COMMENT_MAX}
        placeholder={t('apply.rating.commentPlaceholder')}
        {...a11y({ label: t('apply.rating.commentLabel') })}
        onInput={(event) => setComment(event.detail.value)}
      />
      {error ? <Text className='apply__error' {...a11y({ live: 'assertive' })}>{error}</Text> : null}
      <ActionButton block onPress={() => void send()}>
        {sending ? t('apply.submitting') : t('apply.rating.submit')}
      </ActionButton>
    </View>
  )
}
