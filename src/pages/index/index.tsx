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
import { useT } from '@/i18n/useT'
import { usePageTitle } from '@/hooks/usePageTitle'

const POPULAR = {}
const TOPICS_ON_HOME = 8

export default function Home() {
  usePageTitle('app.name')
  const t = useT()
  const elderly = useElderlyMode()
  useShareAppMessage(() => ({ title: t('home.share'), path: paths.home }))
  return (
    <PageRoot className='home'>
      <ElderlyModeOffer />
      {elderly ? <ElderlyHome /> : <StandardHome />}
    </PageRoot>
  )
}

function StandardHome() {
  const t = useT()
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
            {t('app.name')}
          </Text>
          <View className='home__top-links'>
            <Pressable className='home__me' role='link' label={t('home.elderlyLinkLabel')} onPress={() => useDisplayModeStore.getState().setElderly(true)}>
              {t('home.elderlyLink')}
            </Pressable>
            <Pressable className='home__me' role='link' label={t('home.meLabel')} onPress={() => openPage(paths.me)}>
              {t('home.me')}
            </Pressable>
          </View>
        </View>
        <Text className='home__subtitle'>{t('home.subtitle')}</Text>
        <View className='home__search' {...a11y({ role: 'search' })}>
          <Pressable className='home__search-box' onPress={() => openPage(paths.search())}>
            <Search size={18} color='currentColor' />
            <Text>{t('search.placeholder')}</Text>
          </Pressable>
        </View>
      </View>

      <Section
        title={t('home.byTopic')}
        extra={
          <Pressable className='home__more' role='link' onPress={() => openPage(paths.browse('topics'))}>
            {t('home.allTopics')}
          </Pressable>
        }
      >
        {topics.status === 'error' && !topics.data ? (
          <ErrorState error={topics.error} onRetry={() => void loadTopics({ refresh: true })} />
        ) : !topics.data ? (
          // Tiles where the topics will be, so nothing below jumps when they arrive.
          <View className='home__topics' {...a11y({ role: 'progressbar', label: t('common.loading') })}>
            {Array.from({ length: TOPICS_ON_HOME }, (_, index) => (
              <View key={index} className='home__topic home__topic--placeholder' />
            ))}
          </View>
        ) : (
          <View className='home__topics'>
            {topics.data.slice(0, TOPICS_ON_HOME).map(({ topic, count }) => (
              <Pressable
                key={topic}
                className='home__topic'
                role='link'
                label={t('browse.entryLabel', { name: topic, count })}
                onPress={() => openPage(paths.items({ topic }))}
              >
                <Text className='home__topic-name'>{topic}</Text>
                <Text className='home__topic-count'>{t('browse.count', { count })}</Text>
              </Pressable>
            ))}
          </View>
        )}
        <View className='home__links'>
          <Pressable className='home__link' role='link' onPress={() => openPage(paths.browse('departments'))}>
            {t('home.byDepartment')}
          </Pressable>
          <Pressable className='home__link' role='link' onPress={() => openPage(paths.progress())}>
            {t('home.progressLink')}
          </Pressable>
          <Pressable className='home__link' role='link' onPress={() => openPage(paths.halls())}>
            {t('queue.entry')} ›
          </Pressable>
        </View>
      </Section>

      <Section title={t('search.popular')}>
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
        <Text>{t('home.notFound')}</Text>
        <PhoneLink className='home__hotline' phone={GOVERNMENT_HOTLINE} label={t('home.hotlineLabel', { phone: GOVERNMENT_HOTLINE })}>
          <Text>{t('home.hotline', { phone: GOVERNMENT_HOTLINE })}</Text>
        </PhoneLink>
      </View>
    </View>
  )
}
