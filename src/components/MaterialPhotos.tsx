import { View, Text, Image } from '@tarojs/components'
import { useState } from 'react'
import type { ApplicationMaterial } from '@/domain/contract'
import { uploadUrl } from '@/api/applications'
import { currentAccessToken } from '@/api/http'
import { loadProtectedImage } from '@/platform/protectedImage'
import Pressable from './Pressable'
import { a11y } from '@/platform/a11y'
import { useT } from '@/i18n/useT'
import './MaterialPhotos.scss'
import '@/i18n/progress'

type Shown = Record<string, string | 'failed' | 'loading'>

/** The photos sent with an application, each opened on request (every staff view of one is audited). */
export default function MaterialPhotos({ materials }: { materials: ApplicationMaterial[] }) {
  const t = useT()
  const [shown, setShown] = useState<Shown>({})

  async function open(material: ApplicationMaterial) {
    setShown((current) => ({ ...current, [material.uploadId]: 'loading' }))
    const path = await loadProtectedImage(uploadUrl(material.uploadId), currentAccessToken())
    setShown((current) => ({ ...current, [material.uploadId]: path ?? 'failed' }))
  }

  if (materials.length === 0) return <Text className='material-photos__note'>{t('photos.none')}</Text>
  return (
    <View className='material-photos'>
      {materials.map((material) => {
        const state = shown[material.uploadId]
        const action = state === 'loading' ? t('photos.opening') : state === 'failed' ? t('photos.failed') : t('photos.open')
        return (
          <View key={material.uploadId} className='material-photos__item'>
            <Text className='material-photos__name'>{material.name}</Text>
            {state && state !== 'loading' && state !== 'failed' ? (
              <Image className='material-photos__image' src={state} mode='widthFix' {...a11y({ hidden: true })} />
            ) : (
              <Pressable className='material-photos__open' role='button' label={t('photos.buttonLabel', { action, name: material.name })} onPress={() => void open(material)}>
                {action}
              </Pressable>
            )}
          </View>
        )
      })}
    </View>
  )
}
