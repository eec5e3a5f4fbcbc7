/**
 * Mainland resident ID (18 digits, GB 11643): region, birth date, sequence and an ISO 7064
 * MOD 11-2 check character (0-9 or X).
 */
export function isValidChineseId(id: string): boolean {
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const birth = id.slice(6, 14);
  const y = Number(birth.slice(0, 4)), m = Number(birth.slice(4, 6)), d = Number(birth.slice(6, 8));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return false;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((s, w, i) => s + w * Number(id[i]), 0);
  return '10X98765432'[sum % 11] === id[17];
}

/**
 * Chinese licence plates: province + letter + 5 characters (fuel), or 6 for new-energy plates
 * (8 characters in all, D/F in the first or last position), plus 警/学/挂/领/港/澳 suffixes.
 */
export function isValidPlate(plate: string): boolean {
  const p = plate.toUpperCase();
  const prov = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼使';
  const ordinary = new RegExp(`^[${prov}][A-HJ-NP-Z][A-HJ-NP-Z0-9]{4}[A-HJ-NP-Z0-9挂学警港澳领]$`);
  const newEnergy = new RegExp(`^[${prov}][A-HJ-NP-Z](([DF][A-HJ-NP-Z0-9][0-9]{4})|([0-9]{5}[DF]))$`);
  return ordinary.test(p) || newEnergy.test(p);
}
