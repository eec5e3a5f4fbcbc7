import type { DeepStrings } from './types.ts';

/** zh-CN catalogue, billing part: 期初余额导入 (arrears and prepaid balances migrated from a legacy system). */
export const billingOpeningText = {
  billingOpening: {
    title: '期初导入',
    templateName: '期初余额',
    intro: '从旧系统迁移时，按房屋导入各收费项目、各账期的欠费，以及房屋的预存余额。导入后记为迁移数据（期初），可在房屋的账单和台账中查看。',
    rulesTitle: '导入规则',
    rule1: '模板有「欠费」「预存」两个工作表，可只填其中一个；房号即房屋档案中的房间编码，导入到所选项目。',
    rule2: '金额单位为元，最多两位小数，按分精确入账；每行欠费生成一张期初账单。',
    rule3: '同一房屋、同一收费项目的欠费账期不能重叠，也不能与已有账单重叠；同一文件重复导入时这些行会报错，不会重复入账。',
    rule4: '每个房屋的通用预存、各收费项目的专款预存都只能导入一次。',
    rule5: '入账日期为导入当天，当月已关账时不能导入。',
    summary: { bills: '期初欠费账单', arrearsFen: '欠费合计', prepaid: '期初预存', prepaidFen: '预存合计' },
    history: '导入记录',
    time: '时间',
    file: '文件',
    rows: '成功 / 错误',
    report: '错误报告',
    noReport: '—',
  },
};

export type BillingOpeningCatalogue = DeepStrings<typeof billingOpeningText>;
