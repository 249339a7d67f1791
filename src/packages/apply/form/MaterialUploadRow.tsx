import { View, Text, Image } from '@tarojs/components'
import type { Material } from '@/domain/contract'
import ActionButton from '@/components/ActionButton'
import { a11y } from '@/platform/a11y'
import type { PhotoSource } from '@/platform/photos'
import type { MaterialUpload } from './useMaterialUploads'
import { useT } from '@/i18n/useT'
import '@/i18n/apply'

interface Props {
  material: Material
  upload: MaterialUpload
  onChoose(source: PhotoSource): void
  onRetry(): void
}

function stateText(upload: MaterialUpload, t: ReturnType<typeof useT>): string {
  switch (upload.state) {
    case 'empty':
      return t('apply.upload.empty')
    case 'compressing':
      return t('apply.upload.compressing')
    case 'uploading':
      return t('apply.upload.uploading', { percent: Math.round(upload.progress * 100) })
    case 'done':
      return t('apply.upload.done', { kb: Math.max(1, Math.round(upload.photo.size / 1024)) })
    case 'failed':
      return upload.message
  }
}

/** One material: its name, a photo from the camera or the album, upload progress, and retry when it fails. */
export default function MaterialUploadRow({ material, upload, onChoose, onRetry }: Props) {
  const t = useT()
  const stateClass = upload.state === 'done' ? ' material__state--done' : upload.state === 'failed' ? ' material__state--failed' : ''
  return (
    <View className='material'>
      <Text className='material__name'>
        {material.name}
        {material.required ? t('apply.upload.required') : t('apply.upload.optional')}
      </Text>
      {material.note ? <Text className='apply__hint'>{material.note}</Text> : null}
      {upload.state !== 'empty' ? <Image className='material__preview' src={upload.photo.path} mode='aspectFit' {...a11y({ hidden: true })} /> : null}
      {upload.state === 'uploading' ? (
        <View className='material__bar' {...a11y({ role: 'progressbar', label: t('apply.upload.progressLabel', { name: material.name, percent: Math.round(upload.progress * 100) }) })}>
          <View className='material__bar-fill' style={{ width: `${Math.round(upload.progress * 100)}%` }} />
        </View>
      ) : null}
      <Text className={`material__state${stateClass}`} {...a11y({ live: 'polite' })}>
        {stateText(upload, t)}
      </Text>
      <View className='material__buttons'>
        {upload.state === 'failed' ? <ActionButton onPress={onRetry}>{t('apply.upload.retry')}</ActionButton> : null}
        <ActionButton primary={upload.state === 'empty'} onPress={() => onChoose('camera')}>
          {upload.state === 'empty' ? t('apply.upload.camera') : t('apply.upload.retake')}
        </ActionButton>
        <ActionButton primary={false} onPress={() => onChoose('album')}>
          {t('apply.upload.album')}
        </ActionButton>
      </View>
    </View>
  )
}
