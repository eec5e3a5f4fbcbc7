import { commonText } from './common.ts';
import { consoleText } from './console.ts';
import { estateText } from './estate.ts';
import { billingText } from './billing.ts';
import { billingReportsText } from './billingReports.ts';
import { billingOpeningText } from './billingOpening.ts';
import { notificationsText } from './notifications.ts';
import { myHomeText } from './myHome.ts';
import { woConsoleText } from './workorders.ts';
import { woH5Text } from './woH5.ts';
import { woDispatchText } from './woDispatch.ts';
import { woCalendarText } from './woCalendar.ts';
import { paymentsText } from './payments.ts';
import { paymentsAfterText } from './paymentsAfter.ts';
import { paymentsFinanceText } from './paymentsFinance.ts';
import { payH5Text } from './payH5.ts';
import type { DeepStrings } from './types.ts';

/**
 * zh-CN catalogue (the default language), merged from namespaced parts; keys are namespaced by
 * their first segment (`common.save`, `inbox.readAll` …). Each part stays a small file.
 */
export const zhCN = { ...commonText, ...consoleText, ...notificationsText, ...myHomeText, ...estateText, ...billingText, ...billingReportsText, ...billingOpeningText, ...woConsoleText, ...woH5Text, ...woDispatchText, ...woCalendarText, ...paymentsText, ...paymentsAfterText, ...paymentsFinanceText, ...payH5Text };

/** Every other language must provide the same keys. */
export type Catalogue = DeepStrings<typeof zhCN>;
