/**
 * Where a list's Excel 导入 / 导出 buttons go (built with the estate import/export, not here): the
 * pages already render this slot in their toolbars, so adding them touches this file only.
 */
export function ImportExportSlot(_props: { entity: 'rooms' | 'persons' }) {
  return null;
}
