import { encode } from 'uqr';

/**
 * The fingerprint QR code as an SVG data: URL (the CSP allows data: images and no inline styles). It carries
 * the signing key, from which a scanner recomputes the same digits (shared/offices/fingerprint.ts).
 */
export function fingerprintQrDataUrl(qrText: string): string {
  const { data, size } = encode(qrText, { ecc: 'M', border: 2 });
  let path = '';
  data.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (dark) path += `M${x} ${y}h1v1h-1z`;
    }),
  );
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" shape-rendering="crispEdges"><rect width="${size}" height="${size}" fill="#fff"/><path d="${path}" fill="#000"/></svg>`;
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}
