import { Empty } from 'antd';

/** placeholder: built by the payments slices (issue 8) */
export default function RemindersPage() {
  return <Empty />;
}
