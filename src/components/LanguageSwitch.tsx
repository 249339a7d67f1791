import { View, Text } from '@tarojs/components'
import { useLanguageStore, type LanguageChoice } from '@/stores/language'
import { useT } from '@/i18n/useT'
import Pressable from './Pressable'
import './LanguageSwitch.scss'

const CHOICES: LanguageChoice[] = ['system', 'zh', 'en']

/** 语言 / Language: follow the phone, or pick one. Each option names itself in its own language. */
export default function LanguageSwitch() {
  const t = useT()
  const choice = useLanguageStore((state) => state.choice)
  const choose = useLanguageStore((state) => state.choose)
  return (
    <View className='language-switch'>
      <View className='language-switch__options'>
        {CHOICES.map((option) => {
          const name = t(`language.${option}`)
          return (
            <Pressable
              key={option}
              className={option === choice ? 'language-switch__option language-switch__option--on' : 'language-switch__option'}
              label={option === choice ? `${name} ✓` : name}
              onPress={() => choose(option)}
            >
              {option === choice ? `${name} ✓` : name}
            </Pressable>
          )
        })}
      </View>
      <Text className='language-switch__note'>{t('language.contentNote')}</Text>
    </View>
  )
}
