/** PLACEHOLDER: the work-order console page lands with the console slice. */
export default function KbPage() {
  return null;
}
