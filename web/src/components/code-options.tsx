/**
 * The options of a select over the API's codes, each in the words of its table in labels.ts, so
 * every select of the same codes lists the same words in the same order.
 * @module
 */
export function CodeOptions({ labels }: { labels: Readonly<Record<string, string>> }) {
  return Object.entries(labels).map(([code, label]) => (
    <option key={code} value={code}>
      {label}
    </option>
  ));
}
