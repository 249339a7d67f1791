import { View, Text, Image } from '@tarojs/components'
import type { Material } from '@/domain/contract'
import ActionButton from '@/components/ActionButton'
import { a11y } from '@/platform/a11y'
import type { PhotoSource } from '@/platform/photos'
import type { MaterialUpload } from './useMaterialUploads'

interface Props {
  material: Material
  upload: MaterialUpload
  onChoose(source: PhotoSource): void
  onRetry(): void
}

function stateText(upload: MaterialUpload): string {
  switch (upload.state) {
    case 'empty':
      return '还没有上传'
    case 'compressing':
      return '正在压缩图片…'
    case 'uploading':
      return `正在上传 ${Math.round(upload.progress * 100)}%`
    case 'done':
      return `已上传(${Math.max(1, Math.round(upload.photo.size / 1024))} KB)`
    case 'failed':
      return upload.message
  }
}

/** One material: its name, a photo from the camera or the album, upload progress, and retry when it fails. */
export default function MaterialUploadRow({ material, upload, onChoose, onRetry }: Props) {
  const stateClass = upload.state === 'done' ? ' material__state--done' : upload.state === 'failed' ? ' material__state--failed' : ''
  return (
    <View className='material'>
      <Text className='material__name'>
        {material.name}
        {material.required ? '(必传)' : '(选传)'}
      </Text>
      {material.note ? <Text className='apply__hint'>{material.note}</Text> : null}
      {upload.state !== 'empty' ? <Image className='material__preview' src={upload.photo.path} mode='aspectFit' {...a11y({ hidden: true })} /> : null}
      {upload.state === 'uploading' ? (
        <View className='material__bar' {...a11y({ role: 'progressbar', label: `${material.name} 已上传 ${Math.round(upload.progress * 100)}%` })}>
          <View className='material__bar-fill' style={{ width: `${Math.round(upload.progress * 100)}%` }} />
        </View>
      ) : null}
      <Text className={`material__state${stateClass}`} {...a11y({ live: 'polite' })}>
        {stateText(upload)}
      </Text>
      <View className='material__buttons'>
        {upload.state === 'failed' ? <ActionButton onPress={onRetry}>重试上传</ActionButton> : null}
        <ActionButton primary={upload.state === 'empty'} onPress={() => onChoose('camera')}>
          {upload.state === 'empty' ? '拍照' : '重拍'}
        </ActionButton>
        <ActionButton primary={false} onPress={() => onChoose('album')}>
          从相册选
        </ActionButton>
      </View>
    </View>
  )
}
