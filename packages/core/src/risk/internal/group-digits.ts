/** A whole number with comma thousands separators (`65,536`), independent of the locale. */
export const groupDigits = (value: number): string =>
  String(Math.round(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
