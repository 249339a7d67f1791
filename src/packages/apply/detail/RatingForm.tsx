import { View, Text, Textarea } from '@tarojs/components'
import { useState } from 'react'
import { EVALUATION_COMMENT_MAX } from '@/domain/limits'
import ActionButton from '@/components/ActionButton'
import Pressable from '@/components/Pressable'
import { a11y } from '@/platform/a11y'
import { apiErrorOf } from '@/stores/resource'

const SCORE_WORDS = ['', '非常不满意', '不满意', '一般', '满意', '非常满意']
const QUICK_TAGS = ['办事快', '一次办好', '态度好', '指引清楚', '等待太久', '材料要求多']

interface RatingFormProps {
  onSubmit(rating: { score: number; tags: string[]; comment?: string }): Promise<void>
}

/** 好差评: a score, quick tags and an optional comment, sent once. */
export default function RatingForm({ onSubmit }: RatingFormProps) {
  const [score, setScore] = useState(0)
  const [tags, setTags] = useState<string[]>([])
  const [comment, setComment] = useState('')
  const [sending, setSending] = useState(false)
  const [error, setError] = useState<string | null>(null)

  async function send() {
    if (score === 0) {
      setError('请先选择满意程度')
      return
    }
    setSending(true)
    setError(null)
    try {
      await onSubmit({ score, tags, ...(comment.trim() ? { comment: comment.trim() } : {}) })
    } catch (failure) {
      setError(apiErrorOf(failure)?.message ?? '评价没有提交成功,请重试')
    } finally {
      setSending(false)
    }
  }

  const toggle = (tag: string) => setTags((current) => (current.includes(tag) ? current.filter((t) => t !== tag) : [...current, tag]))
  return (
    <View className='rating'>
      <View className='rating__stars' {...a11y({ role: 'region', label: '满意程度' })}>
        {[1, 2, 3, 4, 5].map((value) => (
          <Pressable key={value} className={`rating__star${value <= score ? ' rating__star--on' : ''}`} label={`${value} 分,${SCORE_WORDS[value]}`} onPress={() => setScore(value)}>
            {value <= score ? '★' : '☆'}
          </Pressable>
        ))}
      </View>
      {score > 0 ? <Text className='apply__hint'>{SCORE_WORDS[score]}</Text> : null}
      <View className='rating__tags'>
        {QUICK_TAGS.map((tag) => (
          <Pressable key={tag} className={`rating__tag${tags.includes(tag) ? ' rating__tag--on' : ''}`} onPress={() => toggle(tag)}>
            {tags.includes(tag) ? `✓ ${tag}` : tag}
          </Pressable>
        ))}
      </View>
      <Textarea
        className='rating__comment'
        value={comment}
        maxlength={EVALUATION_COMMENT_MAX}
        placeholder='还想说点什么(选填)'
        {...a11y({ label: '评价内容(选填)' })}
        onInput={(event) => setComment(event.detail.value)}
      />
      {error ? <Text className='apply__error' {...a11y({ live: 'assertive' })}>{error}</Text> : null}
      <ActionButton block onPress={() => void send()}>
        {sending ? '正在提交…' : '提交评价'}
      </ActionButton>
    </View>
  )
}
