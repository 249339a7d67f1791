import { View, Text, Image } from '@tarojs/components'
import { useState } from 'react'
import type { ApplicationMaterial } from '@/domain/contract'
import { uploadUrl } from '@/api/applications'
import { currentAccessToken } from '@/api/http'
import { loadProtectedImage } from '@/platform/protectedImage'
import Pressable from './Pressable'
import { a11y } from '@/platform/a11y'
import './MaterialPhotos.scss'

type Shown = Record<string, string | 'failed' | 'loading'>

/** The photos sent with an application, each opened on request (every staff view of one is audited). */
export default function MaterialPhotos({ materials }: { materials: ApplicationMaterial[] }) {
  const [shown, setShown] = useState<Shown>({})

  async function open(material: ApplicationMaterial) {
    setShown((current) => ({ ...current, [material.uploadId]: 'loading' }))
    const path = await loadProtectedImage(uploadUrl(material.uploadId), currentAccessToken())
    setShown((current) => ({ ...current, [material.uploadId]: path ?? 'failed' }))
  }

  if (materials.length === 0) return <Text className='material-photos__note'>没有上传材料</Text>
  return (
    <View className='material-photos'>
      {materials.map((material) => {
        const state = shown[material.uploadId]
        return (
          <View key={material.uploadId} className='material-photos__item'>
            <Text className='material-photos__name'>{material.name}</Text>
            {state && state !== 'loading' && state !== 'failed' ? (
              <Image className='material-photos__image' src={state} mode='widthFix' {...a11y({ hidden: true })} />
            ) : (
              <Pressable className='material-photos__open' role='button' label={`查看 ${material.name} 照片`} onPress={() => void open(material)}>
                {state === 'loading' ? '正在打开…' : state === 'failed' ? '打开失败,点此重试' : '查看照片'}
              </Pressable>
            )}
          </View>
        )
      })}
    </View>
  )
}
