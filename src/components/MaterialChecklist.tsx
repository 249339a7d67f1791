import { View, Text } from '@tarojs/components'
import { a11y } from '@/platform/a11y'
import { Checkbox } from '@nutui/nutui-react-taro'
import type { Material } from '@/domain/contract'
import { checklistProgress, pruneTicks } from '@/domain/materialChecklist'
import { materialFormLabel } from '@/domain/guideFacts'
import { useChecklistStore, useTickedMaterials } from '@/stores/checklist'
import './MaterialChecklist.scss'
import Pressable from './Pressable'
import { useT } from '@/i18n/useT'
import '@/i18n/guide'

/** 材料清单: tick off what is already in the folder; the ticks stay on this device. */
export default function MaterialChecklist({ itemCode, materials }: { itemCode: string; materials: Material[] }) {
  const t = useT()
  const storedTicks = useTickedMaterials(itemCode)
  const toggle = useChecklistStore((state) => state.toggle)
  const clear = useChecklistStore((state) => state.clear)
  const ticked = pruneTicks(materials, storedTicks)
  const progress = checklistProgress(materials, ticked)

  if (materials.length === 0) {
    return <Text className='checklist__none'>{t('checklist.none')}</Text>
  }

  return (
    <View className='checklist'>
      <View className='checklist__progress' {...a11y({ role: 'status' })}>
        <Text>
          {t('checklist.progress', { ticked: progress.ticked, total: progress.total })}
          {progress.ready ? t('checklist.ready') : t('checklist.missing', { count: progress.requiredMissing.length })}
        </Text>
        {progress.ticked > 0 ? (
          <Pressable className='checklist__reset' onPress={() => clear(itemCode)}>
            {t('checklist.clear')}
          </Pressable>
        ) : null}
      </View>
      {materials.map((material) => {
        const checked = ticked.includes(material.name)
        const form = materialFormLabel(material)
        return (
          <View key={material.name} className={`checklist__row${checked ? ' checklist__row--done' : ''}`}>
            <Checkbox
              className='checklist__box'
              checked={checked}
              onChange={() => toggle(itemCode, material.name)}
              {...a11y({
                role: 'checkbox',
                checked,
                label: material.required ? t('checklist.requiredLabel', { name: material.name }) : material.name,
                onActivate: () => toggle(itemCode, material.name),
              })}
              label={
                <View className='checklist__text'>
                  <Text className='checklist__name'>{material.name}</Text>
                  <View className='checklist__meta'>
                    <Text className={material.required ? 'badge badge--required' : 'badge'}>
                      {material.required ? t('checklist.required') : t('checklist.optional')}
                    </Text>
                    <Text>{t(form.key, form.params)}</Text>
                  </View>
                  {material.note ? <Text className='checklist__note'>{t('checklist.note', { note: material.note })}</Text> : null}
                </View>
              }
            />
          </View>
        )
      })}
    </View>
  )
}
