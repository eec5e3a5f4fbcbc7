import { Empty } from 'antd';

/** placeholder: built by the payments slices (issue 8) */
export default function InvoicesPage() {
  return <Empty />;
}
