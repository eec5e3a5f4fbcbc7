/**
 * An Amap (高德) link that opens the map app or the web map on any phone: a marker at the
 * project's coordinates when it has them, else a search for the project and the place.
 */
export function amapUrl(p: { longitude: string | null; latitude: string | null; name: string } | null | undefined, placeName: string, projectName: string): string {
  const label = [projectName, placeName].filter(Boolean).join(' ');
  if (p?.longitude && p.latitude) {
    const q = new URLSearchParams({ position: `${p.longitude},${p.latitude}`, name: label, src: 'wuye', coordinate: 'gaode', callnative: '1' });
    return `https://uri.amap.com/marker?${q.toString()}`;
  }
  return `https://uri.amap.com/search?${new URLSearchParams({ keyword: label, src: 'wuye', callnative: '1' }).toString()}`;
}
