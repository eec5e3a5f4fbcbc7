import type { Catalogue } from '../zh-CN/index.ts';
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

/** English catalogue: the same keys as zh-CN (checked part by part and as a whole). */
export const en: Catalogue = { ...commonText, ...consoleText, ...notificationsText, ...myHomeText, ...estateText, ...billingText, ...billingReportsText, ...billingOpeningText, ...woConsoleText, ...woH5Text, ...woDispatchText, ...woCalendarText, ...paymentsText, ...paymentsAfterText, ...paymentsFinanceText, ...payH5Text };
