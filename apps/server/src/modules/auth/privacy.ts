/** The privacy policy residents accept at registration (PIPL). Bump the version when the text changes. */
export const privacyPolicy = {
  version: '2026-11',
  effectiveDate: '2026-11-01',
  text: [
    '我们仅为提供物业服务收集必要的个人信息：姓名、手机号、房屋关系，以及您主动提交的报修照片等。',
    '手机号与证件号码在系统中按角色脱敏显示，证件号码加密存储；导出与查看明文均记入审计日志。',
    '您可随时在“我的 - 注销账号”中申请注销：我们将匿名化您的账号与个人信息，仅保留法律要求保存的财务记录。',
    'We collect only what property services need; phone and ID numbers are masked by role and ID numbers are encrypted at rest. You may delete your account at any time; financial records required by law are kept anonymised.',
  ].join('\n\n'),
};
