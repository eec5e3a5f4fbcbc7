/** PLACEHOLDER: lands with its slice. */
export default function DispatchSetupPage() {
  return null;
}
