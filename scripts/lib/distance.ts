/** Mean Earth radius (IUGG), km: the value the coverage engine uses too. */
const RAYON_TERRE_KM = 6371.0088
const RAD = Math.PI / 180

/** Great-circle (haversine) distance in km between two [lng, lat] positions given as numbers. */
export function distanceKm(lng1: number, lat1: number, lng2: number, lat2: number): number {
  const dLat = (lat2 - lat1) * RAD
  const dLng = (lng2 - lng1) * RAD
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLng / 2) ** 2
  return 2 * RAYON_TERRE_KM * Math.asin(Math.min(1, Math.sqrt(a)))
}
