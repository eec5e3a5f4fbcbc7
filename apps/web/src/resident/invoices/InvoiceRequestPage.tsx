/** placeholder: built by the payments slices (issue 8) */
export function InvoiceRequestPage() {
  return null;
}
