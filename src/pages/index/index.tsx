import { View, Text } from '@tarojs/components'
import { Search } from '@nutui/icons-react-taro'
import { useShareAppMessage } from '@tarojs/taro'
import { useEffect } from 'react'
import { useBrowseStore } from '@/stores/browse'
import { useItemQuery } from '@/stores/itemLists'
import ItemCard from '@/components/ItemCard'
import Section from '@/components/Section'
import { ErrorState, LoadingRows } from '@/components/StatusViews'
import PhoneLink from '@/platform/PhoneLink'
import { a11y } from '@/platform/a11y'
import { usePullToRefresh } from '@/hooks/usePullToRefresh'
import { GOVERNMENT_HOTLINE } from '@/constants'
import { openPage, paths } from '@/navigation'
import Pressable from '@/components/Pressable'
import PageRoot from '@/components/PageRoot'
import { useDisplayModeStore, useElderlyMode } from '@/stores/displayMode'
import ElderlyHome from './ElderlyHome'
import ElderlyModeOffer from './ElderlyModeOffer'
import './index.scss'

const POPULAR = {}
const TOPICS_ON_HOME = 8

export default function Home() {
  const elderly = useElderlyMode()
  useShareAppMessage(() => ({ title: '办事通:办事指南、预约、排队、进度一站查', path: paths.home }))
  return (
    <PageRoot className='home'>
      <ElderlyModeOffer />
      {elderly ? <ElderlyHome /> : <StandardHome />}
    </PageRoot>
  )
}

function StandardHome() {
  const topics = useBrowseStore((state) => state.topics)
  const loadTopics = useBrowseStore((state) => state.loadTopics)
  const { list: popular, reload: reloadPopular } = useItemQuery(POPULAR)

  useEffect(() => {
    void loadTopics()
  }, [loadTopics])

  usePullToRefresh(() => Promise.all([loadTopics({ refresh: true }), reloadPopular()]))

  return (
    <View>
      <View className='home__hero'>
        <View className='home__top'>
          <Text className='home__title' {...a11y({ role: 'heading', level: 1 })}>
            办事通
          </Text>
          <View className='home__top-links'>
            <Pressable className='home__me' role='link' label='长辈版:字更大、按钮更大' onPress={() => useDisplayModeStore.getState().setElderly(true)}>
              长辈版
            </Pressable>
            <Pressable className='home__me' role='link' label='我的:登录、个人信息' onPress={() => openPage(paths.me)}>
              我的 ›
            </Pressable>
          </View>
        </View>
        <Text className='home__subtitle'>查清要带什么材料,最多跑一次</Text>
        <View className='home__search' {...a11y({ role: 'search' })}>
          <Pressable className='home__search-box' onPress={() => openPage(paths.search())}>
            <Search size={18} color='currentColor' />
            <Text>搜索事项,如:身份证、社保、居住证</Text>
          </Pressable>
        </View>
      </View>

      <Section
        title='按主题办事'
        extra={
          <Pressable className='home__more' role='link' onPress={() => openPage(paths.browse('topics'))}>
            全部主题 ›
          </Pressable>
        }
      >
        {topics.status === 'error' && !topics.data ? (
          <ErrorState error={topics.error} onRetry={() => void loadTopics({ refresh: true })} />
        ) : !topics.data ? (
          <LoadingRows rows={2} />
        ) : (
          <View className='home__topics'>
            {topics.data.slice(0, TOPICS_ON_HOME).map(({ topic, count }) => (
              <Pressable
                key={topic}
                className='home__topic'
                role='link'
                label={`${topic},${count}项`}
                onPress={() => openPage(paths.items({ topic }))}
              >
                <Text className='home__topic-name'>{topic}</Text>
                <Text className='home__topic-count'>{count}项</Text>
              </Pressable>
            ))}
          </View>
        )}
        <View className='home__links'>
          <Pressable className='home__link' role='link' onPress={() => openPage(paths.browse('departments'))}>
            按部门查找 ›
          </Pressable>
          <Pressable className='home__link' role='link' onPress={() => openPage(paths.progress())}>
            查办件进度 ›
          </Pressable>
        </View>
      </Section>

      <Section title='大家都在办'>
        {popular.status === 'error' && popular.items.length === 0 ? (
          <ErrorState error={popular.error} onRetry={() => void reloadPopular()} />
        ) : popular.items.length === 0 ? (
          <LoadingRows rows={3} />
        ) : (
          <View className='home__popular'>
            {popular.items.slice(0, 6).map((item) => (
              <ItemCard key={item.code} item={item} />
            ))}
          </View>
        )}
      </Section>

      <View className='home__help'>
        <Text>找不到要办的事?</Text>
        <PhoneLink className='home__hotline' phone={GOVERNMENT_HOTLINE} label='拨打12345政务服务便民热线'>
          <Text>拨打 12345 政务服务便民热线</Text>
        </PhoneLink>
      </View>
    </View>
  )
}
