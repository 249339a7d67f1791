import { View, Text } from '@tarojs/components'
import Pressable from '@/components/Pressable'
import { EmptyState } from '@/components/StatusViews'
import ActionButton from '@/components/ActionButton'
import PhoneLink from '@/platform/PhoneLink'
import { GOVERNMENT_HOTLINE } from '@/constants'
import type { SearchSuggestions } from '@/domain/contract'
import { openPage, paths } from '@/navigation'
import { useT } from '@/i18n/useT'

function HotlineLink({ phone = GOVERNMENT_HOTLINE }: { phone?: string }) {
  const t = useT()
  return (
    <PhoneLink className='search-help__call' phone={phone} label={t('search.callToAskLabel', { phone })}>
      <Text>{t('search.callToAsk', { phone })}</Text>
    </PhoneLink>
  )
}

/** "没找到?": under results and on the empty page, the two ways on when search did not find it. */
export function SearchHelp() {
  const t = useT()
  return (
    <View className='search-help'>
      <Text className='search-help__title'>{t('search.notFoundTitle')}</Text>
      <Pressable className='search-help__link' role='link' onPress={() => openPage(paths.browse('topics'))}>
        {t('search.byTopic')} ›
      </Pressable>
      <HotlineLink />
    </View>
  )
}

/** Nothing matched: related topics from the server, the topic list and the hotline. */
export function NothingFound({ query, suggestions }: { query: string; suggestions?: SearchSuggestions }) {
  const t = useT()
  const topics = suggestions?.topics ?? []
  return (
    <EmptyState
      title={t('search.nothingTitle', { query })}
      description={t('search.nothingHint')}
    >
      {topics.length > 0 ? (
        <View className='search-help__topics'>
          {topics.map((topic) => (
            <Pressable key={topic} className='search-start__chip' role='link' label={t('search.topicLabel', { topic })} onPress={() => openPage(paths.items({ topic }))}>
              {topic}
            </Pressable>
          ))}
        </View>
      ) : null}
      <ActionButton onPress={() => openPage(paths.browse('topics'))}>{t('search.byTopic')}</ActionButton>
      <HotlineLink phone={suggestions?.hotline} />
    </EmptyState>
  )
}
