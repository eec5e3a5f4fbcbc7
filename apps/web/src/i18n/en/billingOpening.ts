import type { BillingOpeningCatalogue } from '../zh-CN/billingOpening.ts';

/** English catalogue, opening balances part (same keys as zh-CN). */
export const billingOpeningText: BillingOpeningCatalogue = {
  billingOpening: {
    title: 'Opening balances',
    templateName: 'opening balances',
    intro: "Migrating from a legacy system: import each room's arrears per fee item and period, and each room's prepaid balances. They are recorded as migrated (opening) entries and show in the room's bills and ledger.",
    rulesTitle: 'Rules',
    rule1: 'The template has two sheets, 欠费 (arrears) and 预存 (prepaid); either may stay empty. 房号 is the room code of the archive, imported into the chosen project.',
    rule2: 'Amounts in yuan with at most two decimals, posted exactly in fen; each arrears row becomes one opening bill.',
    rule3: 'Arrears of one room and fee item may not overlap each other or an existing bill: importing the same file twice reports those rows and posts nothing twice.',
    rule4: "A room's general prepaid balance and each earmarked one are imported once only.",
    rule5: 'Entries are dated on the import day; a closed current month refuses the import.',
    summary: { bills: 'Opening bills', arrearsFen: 'Arrears total', prepaid: 'Prepaid balances', prepaidFen: 'Prepaid total' },
    history: 'Imports',
    time: 'Time',
    file: 'File',
    rows: 'Imported / errors',
    report: 'Error report',
    noReport: '—',
  },
};
