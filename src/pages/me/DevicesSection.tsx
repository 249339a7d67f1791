import { View, Text } from '@tarojs/components'
import { useEffect } from 'react'
import dayjs from 'dayjs'
import { useSessionStore } from '@/stores/session'
import Pressable from '@/components/Pressable'
import Section from '@/components/Section'
import { ErrorState, LoadingRows } from '@/components/StatusViews'
import { confirmAction, notify } from '@/dialogs'

const CLIENT_LABELS: Record<string, string> = { weapp: '微信小程序', h5: '手机浏览器', staff: '工作人员登录', dev: '演示登录' }

/** Where I am signed in, so a lost phone can be signed out from another one. */
export default function DevicesSection() {
  const devices = useSessionStore((state) => state.devices)
  const loadDevices = useSessionStore((state) => state.loadDevices)
  const signOutDevice = useSessionStore((state) => state.signOutDevice)
  useEffect(() => {
    void loadDevices({ refresh: true })
  }, [loadDevices])

  async function endOther(id: string) {
    if (!(await confirmAction('退出这台设备', '那台设备需要重新登录。', '退出'))) return
    try {
      await signOutDevice(id)
    } catch {
      notify('没有成功,请稍后再试')
    }
  }

  let body
  if (devices.status === 'error' && !devices.data) body = <ErrorState error={devices.error} onRetry={() => void loadDevices({ refresh: true })} />
  else if (!devices.data) body = <LoadingRows rows={2} />
  else
    body = devices.data.map((device) => (
      <View key={device.id} className='me__device'>
        <View>
          <Text className='me__device-name'>
            {CLIENT_LABELS[device.client] ?? device.client}
            {device.current ? '(本机)' : ''}
          </Text>
          <Text className='me__device-time'>最近使用 {dayjs(device.lastUsedAt).format('M月D日 HH:mm')}</Text>
        </View>
        {device.current ? null : (
          <Pressable className='me__device-end' role='button' label={`退出${CLIENT_LABELS[device.client] ?? '该设备'}的登录`} onPress={() => void endOther(device.id)}>
            退出
          </Pressable>
        )}
      </View>
    ))
  return <Section title='登录的设备'>{body}</Section>
}
