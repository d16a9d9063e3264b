/** A whole number with thousands separators: `196,608`. */
export const formatCount = (value: number): string => Math.round(value).toLocaleString("en-US");

/** A byte count in binary units: `1.2 MiB`. */
export const formatBytes = (bytes: number): string => {
  const units = ["B", "KiB", "MiB", "GiB", "TiB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${bytes} B` : `${value.toFixed(1)} ${units[unit]}`;
};

/** A share 0 … 1 as a percentage with two decimals: `99.96%`. */
export const formatPercent = (share: number): string => `${(share * 100).toFixed(2)}%`;

/** A Unix time in seconds as ISO 8601 UTC without milliseconds. */
export const formatTime = (seconds: number): string =>
  new Date(seconds * 1000).toISOString().replace(".000Z", "Z");
