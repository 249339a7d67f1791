// The error contract shared by server and client: stable codes, and the sentence a citizen reads for each.
// Messages say what happened and what to do next, in plain words.

export const errorMessages = {
  VALIDATION_FAILED: {
    zh: '填写的内容有误,请检查后重试',
    en: 'Some of the information is not valid. Please check it and try again.',
  },
  MALFORMED_JSON: {
    zh: '请求内容格式有误,请刷新页面后重试',
    en: 'The request could not be read. Please reload the page and try again.',
  },
  UNSUPPORTED_MEDIA_TYPE: {
    zh: '请求内容类型不受支持,请刷新页面后重试',
    en: 'This kind of content is not accepted. Please reload the page and try again.',
  },
  PAYLOAD_TOO_LARGE: {
    zh: '提交的内容太大,请精简后重试',
    en: 'What you sent is too large. Please make it smaller and try again.',
  },
  AUTH_REQUIRED: {
    zh: '请先登录后再操作',
    en: 'Please sign in first.',
  },
  FORBIDDEN: {
    zh: '您没有权限查看或办理这项内容',
    en: 'You are not allowed to see or do this.',
  },
  TOKEN_EXPIRED: {
    zh: '登录已过期,请重新登录',
    en: 'Your sign-in has expired. Please sign in again.',
  },
  TOKEN_INVALID: {
    zh: '登录状态已失效,请重新登录',
    en: 'You have been signed out. Please sign in again.',
  },
  CODE_INVALID: {
    zh: '验证码不正确或已过期,请核对短信后重新输入,或重新获取验证码',
    en: 'The code is wrong or has expired. Check the text message, or ask for a new code.',
  },
  CODE_ATTEMPTS_EXCEEDED: {
    zh: '验证码输错次数太多,请重新获取验证码',
    en: 'Too many wrong codes. Please ask for a new code.',
  },
  SMS_TOO_FREQUENT: {
    zh: '验证码发送太频繁,请稍后再获取',
    en: 'A code was sent a moment ago. Please wait before asking for another.',
  },
  SMS_DAILY_LIMIT: {
    zh: '今天获取验证码的次数已用完,请明天再试,或到大厅窗口办理',
    en: 'No more codes can be sent to this number today. Please try tomorrow or visit a hall.',
  },
  SMS_UNAVAILABLE: {
    zh: '短信暂时发送不了,请稍后再试',
    en: 'Text messages cannot be sent right now. Please try again shortly.',
  },
  WECHAT_UNAVAILABLE: {
    zh: '微信登录暂时不可用,请稍后再试,或使用手机号登录',
    en: 'WeChat sign-in is unavailable right now. Try again shortly, or sign in with your phone.',
  },
  CREDENTIALS_INVALID: {
    zh: '用户名或密码不正确,请重新输入',
    en: 'The username or password is wrong. Please try again.',
  },
  ACCOUNT_LOCKED: {
    zh: '密码错误次数太多,账号已暂时锁定,请稍后再试或联系管理员',
    en: 'Too many wrong passwords. The account is locked for a while; try later or ask an administrator.',
  },
  INVALID_PHONE: {
    zh: '手机号码格式不正确,请输入11位手机号',
    en: 'The mobile number is not valid. Please enter the 11-digit number.',
  },
  INVALID_ID_NUMBER: {
    zh: '身份证号码不正确,请逐位核对',
    en: 'The ID number is not valid. Please check each digit.',
  },
  CONSENT_REQUIRED: {
    zh: '提交身份证号码前,请先阅读并同意个人敏感信息处理规则',
    en: 'Please read and agree to how your ID number is used before submitting it.',
  },
  USER_NOT_FOUND: {
    zh: '没有找到这位用户,请核对后重试',
    en: 'This person could not be found. Please check and try again.',
  },
  SESSION_NOT_FOUND: {
    zh: '没有找到这台设备的登录记录,可能已经退出',
    en: 'This signed-in device could not be found; it may already be signed out.',
  },
  IDEMPOTENCY_KEY_REUSED: {
    zh: '这次提交与之前的一次提交编号相同但内容不同,请刷新页面后重新提交',
    en: 'This request reuses the key of an earlier, different request. Refresh the page and submit again.',
  },
  ITEM_NOT_FOUND: {
    zh: '没有找到这个事项,可能已调整或下线,请重新搜索',
    en: 'This service could not be found. It may have changed; please search again.',
  },
  HALL_NOT_FOUND: {
    zh: '没有找到这个服务大厅,请返回列表重新选择',
    en: 'This service hall could not be found. Please go back and choose another.',
  },
  ROUTE_NOT_FOUND: {
    zh: '页面或接口不存在,请返回首页',
    en: 'This address does not exist. Please go back to the home page.',
  },
  METHOD_NOT_ALLOWED: {
    zh: '不支持这种操作,请返回首页',
    en: 'This action is not supported. Please go back to the home page.',
  },
  RATE_LIMITED: {
    zh: '操作太频繁,请稍后再试',
    en: 'Too many requests. Please wait a moment and try again.',
  },
  SERVICE_UNAVAILABLE: {
    zh: '服务暂时不可用,请稍后再试',
    en: 'The service is temporarily unavailable. Please try again shortly.',
  },
  INTERNAL_ERROR: {
    zh: '系统开小差了,请稍后再试;如急需办理,请拨打大厅咨询电话',
    en: 'Something went wrong on our side. Please try again later, or call the hall.',
  },
  // Raised by the client itself, never by the server.
  NETWORK_ERROR: {
    zh: '网络不给力,请检查网络后点击重试',
    en: 'No connection. Check your network and tap retry.',
  },
  TIMEOUT: {
    zh: '网络较慢,请求超时了,请点击重试',
    en: 'The network is slow and the request timed out. Tap retry.',
  },
  // Applications and progress (办件), uploads and evaluations.
  APPLICATION_NOT_FOUND: {
    zh: '没有找到这个办件,请核对办件编号和手机号后四位',
    en: 'No application matches. Please check the application number and the last four digits of the phone.',
  },
  ILLEGAL_TRANSITION: {
    zh: '办件当前的状态不能进行这一步,请刷新后按流程办理',
    en: 'This step is not possible in the application\'s current state. Refresh and follow the steps in order.',
  },
  NOT_ONLINE: {
    zh: '这个事项需要到大厅窗口办理,不能网上申请;请查看办事指南后前往大厅',
    en: 'This service cannot be applied for online. Please see the guide and visit a hall.',
  },
  MATERIALS_MISSING: {
    zh: '还有必须提交的材料没有上传,请逐项上传后再提交',
    en: 'Some required materials have not been uploaded. Upload each of them, then submit.',
  },
  UPLOAD_NOT_FOUND: {
    zh: '没有找到这份上传的材料,可能已失效,请重新上传',
    en: 'This uploaded file could not be found. Please upload it again.',
  },
  UPLOAD_EMPTY: {
    zh: '上传的文件是空的,请重新拍照或选择图片',
    en: 'The uploaded file is empty. Please take the photo again or choose another picture.',
  },
  UPLOAD_NOT_IMAGE: {
    zh: '只能上传照片(JPG、PNG、WebP 或 HEIC 格式),请重新拍照或选择图片',
    en: 'Only photos can be uploaded (JPG, PNG, WebP or HEIC). Please take a photo or choose a picture.',
  },
  UPLOAD_TOO_LARGE: {
    zh: '图片太大了,请压缩后或重新拍照再上传',
    en: 'The picture is too large. Please make it smaller or take it again, then upload.',
  },
  ALREADY_EVALUATED: {
    zh: '您已经评价过这次服务了,感谢您的反馈',
    en: 'You have already rated this service. Thank you for your feedback.',
  },
  NOT_READY_TO_EVALUATE: {
    zh: '办件办结后才能评价,请办结后再来',
    en: 'You can rate the service once the application is completed.',
  },
  EVALUATION_TARGET_NOT_FOUND: {
    zh: '没有找到要评价的服务,请从您的办件或预约中进入评价',
    en: 'The service to rate could not be found. Please rate it from your applications or appointments.',
  },
  // Live queue (排队叫号).
  HALL_CLOSED: {
    zh: '大厅现在不在办公时间,不能取号;请查看今天的办公时间,开门后再来取号',
    en: 'The hall is closed now, so numbers cannot be taken. Check today\'s hours and take a number once it opens.',
  },
  TICKET_EXISTS: {
    zh: '您在这个大厅已经有一个排队号了,请先使用或取消它',
    en: 'You already have a number at this hall. Use it or cancel it first.',
  },
  CATEGORY_NOT_FOUND: {
    zh: '这个大厅没有这类业务的排队,请重新选择业务类别',
    en: 'This hall has no queue for that kind of business. Please choose another.',
  },
  TICKET_NOT_FOUND: {
    zh: '没有找到这个排队号,请返回重新取号',
    en: 'This queue number could not be found. Please go back and take a number again.',
  },
  TICKET_NOT_ACTIVE: {
    zh: '这个号已经叫过、办完或取消了,请刷新查看最新状态',
    en: 'This number has already been called, served or cancelled. Refresh to see where it stands.',
  },
  WINDOW_BUSY: {
    zh: '这个窗口还有正在办理的号,请先办结或过号再暂停',
    en: 'This window still has a number in service. Complete or skip it before closing the window.',
  },
  QUEUE_EMPTY: {
    zh: '当前没有等候的号',
    en: 'Nobody is waiting right now.',
  },
  WINDOW_NOT_FOUND: {
    zh: '这个大厅没有这个窗口号,请重新选择窗口',
    en: 'This hall has no window with that number. Please choose your window again.',
  },
  INTEGRATION_KEY_INVALID: {
    zh: '接口密钥无效,请联系系统管理员',
    en: 'The API key is not valid. Please contact the administrator.',
  },
  WEBSOCKET_REQUIRED: {
    zh: '实时连接需要 WebSocket,请刷新页面',
    en: 'The live feed needs a WebSocket connection. Please reload the page.',
  },
  // Appointments (网上预约).
  SLOT_NOT_FOUND: {
    zh: '没有找到这个预约时段,请重新选择',
    en: 'This time slot could not be found. Please choose another.',
  },
  SLOT_FULL: {
    zh: '该时段已约满,请选择其他时段',
    en: 'This time slot is fully booked. Please choose another.',
  },
  SLOT_IN_PAST: {
    zh: '这个时段已经过去或不在办公时间,请选择之后的时段',
    en: 'This time slot has passed or is outside opening hours. Please choose a later one.',
  },
  DUPLICATE_BOOKING: {
    zh: '您当天已经预约过这个事项了,可以在"我的预约"里查看或改期',
    en: 'You already have an appointment for this service that day. See or change it in My appointments.',
  },
  BOOKING_SUSPENDED: {
    zh: '30天内3次预约未到,网上预约已暂停7天;暂停期间可直接到大厅取号办理',
    en: 'Three missed appointments in 30 days: online booking is paused for 7 days. You can still take a number at the hall.',
  },
  TOO_LATE_TO_CANCEL: {
    zh: '开始前30分钟内不能取消或改期;如不能按时到达,请点"我会晚到"或联系大厅',
    en: 'Appointments cannot be cancelled or changed in the last 30 minutes. If you will be late, tap "I\'m running late" or call the hall.',
  },
  APPOINTMENT_NOT_FOUND: {
    zh: '没有找到这个预约,请在"我的预约"中查看',
    en: 'This appointment could not be found. Please look in My appointments.',
  },
  APPOINTMENT_NOT_ACTIVE: {
    zh: '这个预约已取消、已签到或已过期,请刷新查看最新状态',
    en: 'This appointment has been cancelled, checked in or has expired. Refresh to see where it stands.',
  },
  NOT_BOOKABLE: {
    zh: '这个事项不需要预约,或这个大厅不办理;请直接到大厅取号',
    en: 'This service cannot be booked at this hall. Please take a number at the hall.',
  },
  CHECK_IN_TOO_EARLY: {
    zh: '预约开始前30分钟才能签到,请稍后再签到',
    en: 'You can check in from 30 minutes before your appointment. Please try a little later.',
  },
  CHECK_IN_TOO_LATE: {
    zh: '已超过签到时间,预约已失效;请到大厅现场取号,或重新预约',
    en: 'Check-in time has passed and the appointment has lapsed. Take a number at the hall or book again.',
  },
  NOT_AT_HALL: {
    zh: '您好像还不在大厅附近(500米内);到达后请扫大厅的二维码签到',
    en: 'You do not seem to be near the hall (within 500 m) yet. When you arrive, scan the hall\'s QR code to check in.',
  },
  HALL_CODE_INVALID: {
    zh: '这不是本次预约大厅的签到二维码,请扫描预约大厅张贴的二维码',
    en: 'This is not the check-in code of your appointment\'s hall. Please scan the code posted in that hall.',
  },
  TOO_LATE_TO_DECLARE: {
    zh: '预约已经开始,不能再申请晚到;请尽快到大厅并联系工作人员',
    en: 'Your appointment has started, so it is too late to say you are running late. Please hurry and ask the staff.',
  },
  WAITLIST_EXISTS: {
    zh: '您已经在这一天的候补名单里了',
    en: 'You are already on the waiting list for that day.',
  },
  DAY_NOT_FULL: {
    zh: '这一天还有空余时段,可以直接预约,不需要候补',
    en: 'That day still has free slots; book one directly instead of joining the waiting list.',
  },
  WAITLIST_NOT_FOUND: {
    zh: '没有找到这条候补记录,请刷新后查看',
    en: 'This waiting-list entry could not be found. Please refresh.',
  },
  // Grid workers (网格员).
  RESIDENT_NOT_FOUND: {
    zh: '没有找到这位居民,可能不在您负责的网格内,请返回名单重新选择',
    en: 'This resident could not be found; they may not be in your grid. Go back to the list and choose again.',
  },
  NOT_ELIGIBLE: {
    zh: '按登记信息,这位居民目前还不符合这个事项的条件;如确需申请,请填写原因后继续提交',
    en: 'By the register, this resident does not qualify for this service yet. To apply anyway, give the reason and submit again.',
  },
  NO_GRID: {
    zh: '您的账号还没有分配网格,请联系管理员',
    en: 'Your account has no grid assigned yet. Please contact the administrator.',
  },
  // Reminders outside the app (notifications).
  INVALID_PUSH_SUBSCRIPTION: {
    zh: '这个浏览器的通知订阅无效,请关闭通知后重新开启',
    en: "This browser's notification subscription is not valid. Turn notifications off and on again.",
  },
} as const

export type ErrorCode = keyof typeof errorMessages
export type Lang = 'zh' | 'en'

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(errorMessages, value)
}

export function errorMessage(code: ErrorCode, lang: Lang = 'zh'): string {
  return errorMessages[code][lang]
}

/** Errors a user can sensibly retry as-is (the same request may succeed later). */
export function isRetryable(code: ErrorCode): boolean {
  return code === 'NETWORK_ERROR' || code === 'TIMEOUT' || code === 'SERVICE_UNAVAILABLE' ||
    code === 'INTERNAL_ERROR' || code === 'RATE_LIMITED'
}
