import { View, Text } from '@tarojs/components'
import { useEffect } from 'react'
import type { DoorDraft } from '@/domain/doorDraft'
import { doorOutbox, useDoorOutbox } from '@/stores/doorOutboxInstance'
import PageRoot from '@/components/PageRoot'
import ActionButton from '@/components/ActionButton'
import { EmptyState, LoadingRows } from '@/components/StatusViews'
import { useOnline } from '@/platform/network'
import { a11y } from '@/platform/a11y'
import { confirmAction } from '@/dialogs'
import { usePageTitle } from '@/hooks/usePageTitle'
import { useT } from '@/i18n/useT'
import { openPage, paths } from '@/navigation'
import '../grid.scss'
import '@/i18n/grid'

function DraftRow({ draft }: { draft: DoorDraft }) {
  const t = useT()
  const sentPhotos = [...draft.photos, ...(draft.signature ? [draft.signature] : [])].filter((photo) => photo.uploadId !== null).length
  const allPhotos = draft.photos.length + (draft.signature ? 1 : 0)

  async function discard() {
    if (await confirmAction(t('grid.discardTitle'), t('grid.discardText', { name: draft.residentName, item: draft.itemName }), t('grid.discard'))) {
      await doorOutbox.getState().discard(draft.id)
    }
  }

  return (
    <View className='grid-row'>
      <View className='grid-row__top'>
        <Text className='grid-row__name'>{draft.residentName}</Text>
        <Text className='grid-row__meta'>{t(`grid.status.${draft.status}`)}</Text>
      </View>
      <Text className='grid-row__item'>{draft.itemName}</Text>
      {draft.status === 'queued' ? <Text className='grid-row__meta'>{t('grid.photosSent', { sent: sentPhotos, all: allPhotos })}</Text> : null}
      {draft.status === 'submitted' ? <Text className='grid-row__meta'>{t('grid.sentNo', { no: draft.applicationNo ?? '' })}</Text> : null}
      {draft.lastError && draft.status !== 'submitted' ? (
        <Text className={draft.status === 'needs_attention' ? 'grid__error' : 'grid-row__meta'}>{t('grid.lastError', { message: draft.lastError.message })}</Text>
      ) : null}
      <View className='grid__buttons'>
        {draft.status === 'editing' || draft.status === 'needs_attention' ? (
          <ActionButton onPress={() => openPage(paths.gridApply({ draftId: draft.id }))}>{t('grid.continue')}</ActionButton>
        ) : null}
        {draft.status === 'queued' ? <ActionButton onPress={() => void doorOutbox.getState().retry(draft.id)}>{t('grid.sendNow')}</ActionButton> : null}
        {draft.status !== 'submitted' ? (
          <ActionButton primary={false} onPress={() => void discard()}>
            {t('grid.discard')}
          </ActionButton>
        ) : (
          <ActionButton primary={false} onPress={() => void doorOutbox.getState().discard(draft.id)}>
            {t('grid.clearSent')}
          </ActionButton>
        )}
      </View>
    </View>
  )
}

/** What is waiting on this phone and why; the worker can send now, finish a draft, or throw it away. */
export default function GridOutbox() {
  const t = useT()
  usePageTitle('grid.outboxTitle')
  const online = useOnline()
  const drafts = useDoorOutbox(doorOutbox, (state) => state.drafts)
  const loaded = useDoorOutbox(doorOutbox, (state) => state.loaded)
  const syncing = useDoorOutbox(doorOutbox, (state) => state.syncing)
  useEffect(() => {
    void doorOutbox.getState().load()
  }, [])
  // Signal is back: send at once rather than waiting for the retry timer.
  useEffect(() => {
    if (online) void doorOutbox.getState().sync()
  }, [online])

  const newestFirst = [...drafts].reverse()
  return (
    <PageRoot className='grid'>
      <View className='grid__body'>
        <Text className='grid__text' {...a11y({ live: 'polite' })}>
          {online ? (syncing ? t('grid.syncing') : t('grid.online')) : t('grid.offline')}
        </Text>
      </View>
      {!loaded ? <LoadingRows rows={2} /> : null}
      {loaded && drafts.length === 0 ? <EmptyState title={t('grid.outboxEmpty')} description={t('grid.outboxEmptyHint')} /> : null}
      {drafts.length > 0 ? (
        <View className='grid__list'>
          {newestFirst.map((draft) => (
            <DraftRow key={draft.id} draft={draft} />
          ))}
        </View>
      ) : null}
    </PageRoot>
  )
}
