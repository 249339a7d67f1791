import { View, Text } from '@tarojs/components'
import Pressable from '@/components/Pressable'
import { EmptyState } from '@/components/StatusViews'
import ActionButton from '@/components/ActionButton'
import PhoneLink from '@/platform/PhoneLink'
import { GOVERNMENT_HOTLINE } from '@/constants'
import type { SearchSuggestions } from '@/domain/contract'
import { openPage, paths } from '@/navigation'

function HotlineLink({ phone = GOVERNMENT_HOTLINE }: { phone?: string }) {
  return (
    <PhoneLink className='search-help__call' phone={phone} label={`拨打${phone}咨询(政务服务便民热线)`}>
      <Text>拨打 {phone} 咨询</Text>
    </PhoneLink>
  )
}

/** "没找到?": under results and on the empty page, the two ways on when search did not find it. */
export function SearchHelp() {
  return (
    <View className='search-help'>
      <Text className='search-help__title'>没找到?</Text>
      <Pressable className='search-help__link' role='link' onPress={() => openPage(paths.browse('topics'))}>
        按主题查找 ›
      </Pressable>
      <HotlineLink />
    </View>
  )
}

/** Nothing matched: related topics from the server, the topic list and the hotline. */
export function NothingFound({ query, suggestions }: { query: string; suggestions?: SearchSuggestions }) {
  const topics = suggestions?.topics ?? []
  return (
    <EmptyState
      title={`没有找到与“${query}”相关的事项`}
      description='换个说法试试,比如只输入关键字“身份证”“社保”;也可以按主题查找,或打电话问一问。'
    >
      {topics.length > 0 ? (
        <View className='search-help__topics'>
          {topics.map((topic) => (
            <Pressable key={topic} className='search-start__chip' role='link' label={`查看主题 ${topic}`} onPress={() => openPage(paths.items({ topic }))}>
              {topic}
            </Pressable>
          ))}
        </View>
      ) : null}
      <ActionButton onPress={() => openPage(paths.browse('topics'))}>按主题查找</ActionButton>
      <HotlineLink phone={suggestions?.hotline} />
    </EmptyState>
  )
}
