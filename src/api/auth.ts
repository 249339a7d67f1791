import type { Session, SmsSent } from '@/domain/contract'
import { http } from './http'

// Sign-in calls. None of them carries a bearer token or triggers a refresh (see http.ts).

export async function signInWithWechat(code: string): Promise<Session> {
  return (await http.post<Session>('/auth/wechat', { code })).data
}

export async function sendSmsCode(phone: string): Promise<SmsSent> {
  return (await http.post<SmsSent>('/auth/sms/send', { phone })).data
}

export async function verifySmsCode(phone: string, code: string): Promise<Session> {
  return (await http.post<Session>('/auth/sms/verify', { phone, code })).data
}

export async function staffSignIn(username: string, password: string): Promise<Session> {
  return (await http.post<Session>('/auth/staff/login', { username, password })).data
}

export async function refreshSession(refreshToken: string): Promise<Session> {
  return (await http.post<Session>('/auth/refresh', { refreshToken })).data
}

export async function signOut(): Promise<void> {
  await http.post('/auth/logout')
}
